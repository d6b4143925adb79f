package io.ringtrader.bench;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Candle;
import io.ringtrader.strategy.Strategy;
import io.ringtrader.strategy.StrategyFactory;
import io.ringtrader.strategy.StrategyProvider;
import io.ringtrader.strategy.StrategyStyle;
import io.ringtrader.strategy.TrendFollowingStrategy;
import io.ringtrader.strategy.Vote;

/**
 * {@code naive_trend_following}: {@code trend_following} with its parameters, computed the way a pandas-based
 * system does it: on every candle a fresh strategy recomputes every indicator over the whole window (the last
 * {@code window} candles, the engine's 7-day store by default) and votes. While a run has seen fewer candles than
 * the window, the recomputation covers exactly the candles the incremental strategy saw, in the same order, so the
 * votes are equal bit for bit (the sweep benchmark checks it). The baseline of {@link KernelSweep}; it allocates a
 * strategy per candle on purpose. Single-threaded per instance.
 */
final class NaiveFullWindowProvider implements StrategyProvider {
    static final String NAME = "naive_trend_following";

    private final int window;

    NaiveFullWindowProvider(int window) {
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte style() {
        return StrategyStyle.TREND;
    }

    @Override
    public StrategyFactory configure(ConfigNode params) {
        final StrategyFactory incremental = TrendFollowingStrategy.provider().configure(params);
        return instrumentId -> new Naive(incremental, instrumentId, window);
    }

    /** One instrument's window of candles, recomputed from scratch each candle. */
    private static final class Naive implements Strategy {
        private final StrategyFactory factory;
        private final int instrumentId;
        private final Candle[] ring;
        private final int warmUp;
        private long seen;
        private Strategy current;

        Naive(StrategyFactory factory, int instrumentId, int window) {
            this.factory = factory;
            this.instrumentId = instrumentId;
            ring = new Candle[window];
            for (int i = 0; i < window; i++) {
                ring[i] = new Candle();
            }
            current = factory.create(instrumentId);
            warmUp = current.warmUpCandles();
        }

        @Override
        public void onCandle(Candle candle) {
            ring[(int) (seen % ring.length)].copyFrom(candle);
            seen++;
            final Strategy fresh = factory.create(instrumentId);
            final long first = Math.max(0, seen - ring.length);
            for (long k = first; k < seen; k++) {
                fresh.onCandle(ring[(int) (k % ring.length)]);
            }
            current = fresh;
        }

        @Override
        public void vote(Vote out) {
            current.vote(out);
        }

        @Override
        public int warmUpCandles() {
            return warmUp;
        }
    }
}
