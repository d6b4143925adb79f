package io.ringtrader.bench;

import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic market for the harnesses (invented prices, no recorded data): a log random walk per
 * instrument whose drift flips every few thousand trades, so strategies see trends and ranges and do trade.
 * Exchange time advances {@link #TRADE_STEP_NS} per trade (all instruments together), so at 100k events/s a minute
 * closes every 6,000 events; {@link #history} makes the warm-up candles that precede the first trade. Not
 * thread-safe: one producer thread.
 */
final class SyntheticMarket {
    /** Exchange time between two trades. */
    static final long TRADE_STEP_NS = 10_000_000L;
    /** 2026-01-05T00:00:00Z: the first trade's exchange time. */
    static final long START_NS = 1_767_571_200_000_000_000L;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final double TRADE_SIGMA = 0.00004;
    private static final double TRADE_DRIFT = 0.000004;

    private final Instruments instruments;
    private final SplittableRandom random;
    private final double[] price;
    private final double[] drift;
    private final long stepNs;
    private long timestampNs = START_NS;
    private long tradeId;

    SyntheticMarket(Instruments instruments, long seed) {
        this(instruments, seed, TRADE_STEP_NS);
    }

    /** A market whose exchange time advances {@code stepNs} per trade. */
    SyntheticMarket(Instruments instruments, long seed, long stepNs) {
        this.instruments = instruments;
        this.stepNs = stepNs;
        this.random = new SplittableRandom(seed);
        price = new double[instruments.size()];
        drift = new double[instruments.size()];
        for (int i = 0; i < price.length; i++) {
            final long ref = instruments.get(i).referencePriceE8();
            price[i] = ref > 0 ? ref / 1e8 : 100.0;
            drift[i] = (i % 2 == 0 ? 1 : -1) * TRADE_DRIFT;
        }
    }

    /** Fills {@code e}'s input fields with the next trade (the slot was cleared by the publisher). */
    void nextTrade(MarketEvent e) {
        final int id = random.nextInt(price.length);
        if (random.nextInt(4096) == 0) {
            drift[id] = -drift[id];
        }
        price[id] *= Math.exp(drift[id] + TRADE_SIGMA * gaussian());
        timestampNs += stepNs;
        e.type = EventType.TRADE;
        e.instrumentId = id;
        e.timestampNs = timestampNs;
        e.priceE8 = priceE8(id);
        e.sizeE8 = 100_000L + random.nextInt(50_000_000);
        e.tradeId = ++tradeId;
        e.side = random.nextBoolean() ? Side.BUY : Side.SELL;
        e.feedSequence = tradeId;
    }

    /**
     * Warm-up history: {@code minutes} complete 1-minute candles per instrument ending just before the first trade,
     * oldest first, instrument by instrument (as the app loads them from Parquet).
     */
    Candle[][] history(int minutes) {
        final Candle[][] out = new Candle[price.length][minutes];
        final SplittableRandom r = new SplittableRandom(7);
        for (int id = 0; id < price.length; id++) {
            double close = price[id];
            // walk backwards from today's price so the first live trade continues the history
            for (int m = minutes - 1; m >= 0; m--) {
                final Candle c = new Candle();
                c.instrumentId = id;
                c.openTimeNs = START_NS - (minutes - m) * MINUTE_NS;
                final double open = close * Math.exp(0.002 * (r.nextDouble() * 2 - 1));
                c.closeE8 = toE8(id, close);
                c.openE8 = toE8(id, open);
                c.highE8 = Math.max(c.openE8, c.closeE8) + instruments.get(id).priceIncrementE8();
                c.lowE8 = Math.max(1, Math.min(c.openE8, c.closeE8) - instruments.get(id).priceIncrementE8());
                c.volumeE8 = 100_000_000L + r.nextInt(1_000_000_000);
                c.notionalE8 = (long) (c.volumeE8 / 1e8 * close * 1e8);
                c.tradeCount = 10 + r.nextInt(100);
                c.complete = true;
                out[id][m] = c;
                close = open;
            }
        }
        return out;
    }

    private long priceE8(int id) {
        return toE8(id, price[id]);
    }

    private long toE8(int id, double p) {
        final long inc = Math.max(1, instruments.get(id).priceIncrementE8());
        return Math.max(inc * 100, Math.round(p * 1e8 / inc) * inc);
    }

    private double gaussian() {
        // sum of uniforms: cheap, deterministic, allocation-free and normal enough for a price walk
        return random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
    }
}
