package io.ringtrader.exchange;

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
 */
public record ExchangeOptions(double speed, long subscribeTimeoutMs, Set<String> rejectedProducts,
                              boolean atomicSubscribe, long batchIntervalNs, int snapshotSize) {

    /** Validates and copies. */
    public ExchangeOptions {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be >= 0, got " + speed);
        }
        if (subscribeTimeoutMs <= 0 || batchIntervalNs <= 0 || snapshotSize < 0) {
            throw new IllegalArgumentException("subscribeTimeoutMs and batchIntervalNs must be > 0, snapshotSize >= 0");
        }
        rejectedProducts = Set.copyOf(rejectedProducts);
    }

    /** Coinbase-like defaults: real time, 5 s to subscribe, nothing refused, 250 ms batches, 100-trade snapshots. */
    public static ExchangeOptions defaults() {
        return new ExchangeOptions(1.0, 5_000, Set.of(), true, 250_000_000L, 100);
    }

    /** A copy with another speed. */
    public ExchangeOptions withSpeed(double newSpeed) {
        return new ExchangeOptions(newSpeed, subscribeTimeoutMs, rejectedProducts, atomicSubscribe, batchIntervalNs,
            snapshotSize);
    }

    /** A copy that refuses these product ids. */
    public ExchangeOptions withRejectedProducts(Set<String> products) {
        return new ExchangeOptions(speed, subscribeTimeoutMs, products, atomicSubscribe, batchIntervalNs,
            snapshotSize);
    }

    /** A copy with another subscribe timeout. */
    public ExchangeOptions withSubscribeTimeoutMs(long timeoutMs) {
        return new ExchangeOptions(speed, timeoutMs, rejectedProducts, atomicSubscribe, batchIntervalNs,
            snapshotSize);
    }

    /** A copy with atomic or partial subscribes. */
    public ExchangeOptions withAtomicSubscribe(boolean atomic) {
        return new ExchangeOptions(speed, subscribeTimeoutMs, rejectedProducts, atomic, batchIntervalNs,
            snapshotSize);
    }
}
