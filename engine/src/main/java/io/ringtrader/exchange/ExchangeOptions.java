package io.ringtrader.exchange;

import io.ringtrader.config.ExchangeConfig;

import java.util.Set;

/**
 * How the {@link LoopbackExchange} behaves. Immutable.
 *
 * @param speed              exchange seconds per wall second; 0 = as fast as the clients read
 * @param subscribeTimeoutMs a connection that has not subscribed within this many wall milliseconds is closed
 * @param rejectedProducts   product ids refused with an error frame (e.g. {@code MATIC-USD}, renamed by Coinbase);
 *                           products outside the instrument table are always refused
 * @param atomicSubscribe    true: a subscribe naming any refused product subscribes nothing (as Coinbase does);
 *                           false: the valid products are subscribed anyway
 * @param batchIntervalNs    trades of this much exchange time go out in one {@code update} frame
 * @param snapshotSize       trades per product in a {@code snapshot}
 * @param startDelayMs       the market clock starts this many wall milliseconds after the first {@code market_trades}
 *                           subscribe, so a client pacing one subscribe per product misses nothing at speed 0
 */
public record ExchangeOptions(double speed, long subscribeTimeoutMs, Set<String> rejectedProducts,
                              boolean atomicSubscribe, long batchIntervalNs, int snapshotSize, long startDelayMs) {

    /** Validates and copies. */
    public ExchangeOptions {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be >= 0, got " + speed);
        }
        if (subscribeTimeoutMs <= 0 || batchIntervalNs <= 0 || snapshotSize < 0 || startDelayMs < 0) {
            throw new IllegalArgumentException(
                "subscribeTimeoutMs and batchIntervalNs must be > 0, snapshotSize and startDelayMs >= 0");
        }
        rejectedProducts = Set.copyOf(rejectedProducts);
    }

    /**
     * Coinbase-like defaults: real time, 5 s to subscribe, nothing refused, atomic subscribes, 250 ms batches,
     * 100-trade snapshots, market clock starting 1 s after the first trades subscribe.
     */
    public static ExchangeOptions defaults() {
        return new ExchangeOptions(1.0, 5_000, Set.of(), true, 250_000_000L, 100, 1_000);
    }

    /** A copy whose market clock starts {@code delayMs} after the first trades subscribe. */
    public ExchangeOptions withStartDelayMs(long delayMs) {
        return new ExchangeOptions(speed, subscribeTimeoutMs, rejectedProducts, atomicSubscribe, batchIntervalNs,
            snapshotSize, delayMs);
    }

    /** Options from the {@code exchange} configuration section and the feed's {@code speed}. */
    public static ExchangeOptions from(ExchangeConfig config, double speed) {
        return new ExchangeOptions(speed, config.subscribeTimeoutMs(), Set.copyOf(config.rejectProducts()),
            config.atomicSubscribe(), config.batchMs() * 1_000_000L, config.snapshotSize(), config.startDelayMs());
    }

    /** A copy with another speed. */
    public ExchangeOptions withSpeed(double newSpeed) {
        return new ExchangeOptions(newSpeed, subscribeTimeoutMs, rejectedProducts, atomicSubscribe, batchIntervalNs,
            snapshotSize, startDelayMs);
    }

    /** A copy that refuses these product ids. */
    public ExchangeOptions withRejectedProducts(Set<String> products) {
        return new ExchangeOptions(speed, subscribeTimeoutMs, products, atomicSubscribe, batchIntervalNs,
            snapshotSize, startDelayMs);
    }

    /** A copy with another subscribe timeout. */
    public ExchangeOptions withSubscribeTimeoutMs(long timeoutMs) {
        return new ExchangeOptions(speed, timeoutMs, rejectedProducts, atomicSubscribe, batchIntervalNs,
            snapshotSize, startDelayMs);
    }

    /** A copy with atomic or partial subscribes. */
    public ExchangeOptions withAtomicSubscribe(boolean atomic) {
        return new ExchangeOptions(speed, subscribeTimeoutMs, rejectedProducts, atomic, batchIntervalNs,
            snapshotSize, startDelayMs);
    }
}
