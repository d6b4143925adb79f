package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-built candle series for strategy, regime and handler tests. */
final class TestCandles {
    /** 2026-01-01T00:00:00Z in epoch ns. */
    static final long T0_NS = 1_767_225_600_000_000_000L;

    private final int instrumentId;
    private final List<Candle> candles = new ArrayList<>();
    private double last = 100.0;

    TestCandles(int instrumentId) {
        this.instrumentId = instrumentId;
    }

    /** Appends one candle; notional is the typical price x volume. */
    TestCandles add(double open, double high, double low, double close, double volume) {
        final Candle c = new Candle();
        c.instrumentId = instrumentId;
        c.openTimeNs = T0_NS + candles.size() * 60_000_000_000L;
        c.openE8 = FixedPoint.fromDouble(open);
        c.highE8 = FixedPoint.fromDouble(high);
        c.lowE8 = FixedPoint.fromDouble(low);
        c.closeE8 = FixedPoint.fromDouble(close);
        c.volumeE8 = FixedPoint.fromDouble(volume);
        c.notionalE8 = FixedPoint.fromDouble((high + low + close) / 3 * volume);
        c.tradeCount = volume > 0 ? 10 : 0;
        c.complete = true;
        candles.add(c);
        last = close;
        return this;
    }

    /** Appends a candle from the last close to {@code close} with wicks of {@code wickPct} percent. */
    TestCandles to(double close, double volume, double wickPct) {
        final double open = last;
        final double wick = Math.max(open, close) * wickPct / 100;
        return add(open, Math.max(open, close) + wick, Math.min(open, close) - wick, close, volume);
    }

    /** {@code n} candles moving {@code stepPct} percent each (compounded), volume 1, 0.02 % wicks. */
    TestCandles trend(int n, double stepPct) {
        for (int i = 0; i < n; i++) {
            to(last * (1 + stepPct / 100), 1, 0.02);
        }
        return this;
    }

    /** {@code n} candles zig-zagging {@code amplitudePct} percent around {@code center}, volume 1. */
    TestCandles range(int n, double center, double amplitudePct) {
        for (int i = 0; i < n; i++) {
            to(center * (1 + (i % 2 == 0 ? amplitudePct : -amplitudePct) / 100), 1, 0.02);
        }
        return this;
    }

    /** {@code n} random-walk candles with per-candle stddev {@code volPct} percent and drift {@code driftPct}. */
    TestCandles randomWalk(int n, double driftPct, double volPct, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            final double close = last * Math.exp((driftPct + random.nextGaussian() * volPct) / 100);
            to(close, 0.5 + random.nextDouble(), volPct * 0.3);
        }
        return this;
    }

    /** {@code n} candles whose closes are independent noise of {@code volPct} percent around {@code center}. */
    TestCandles noise(int n, double center, double volPct, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            to(center * (1 + random.nextGaussian() * volPct / 100), 1, volPct * 0.3);
        }
        return this;
    }

    /** {@code n} candles on a sine wave of {@code amplitudePct} percent and {@code period} candles, plus noise. */
    TestCandles wave(int n, double center, double amplitudePct, int period, double noisePct, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            final double wave = amplitudePct * Math.sin(2 * Math.PI * i / period);
            to(center * (1 + (wave + random.nextGaussian() * noisePct) / 100), 1, noisePct * 0.3);
        }
        return this;
    }

    double last() {
        return last;
    }

    int size() {
        return candles.size();
    }

    Candle get(int i) {
        return candles.get(i);
    }

    Candle[] toArray() {
        return candles.toArray(new Candle[0]);
    }

    /** Feeds every candle from {@code from} on to {@code strategy} and returns its vote after the last. */
    Vote feed(Strategy strategy, int from) {
        for (int i = from; i < candles.size(); i++) {
            strategy.onCandle(candles.get(i));
        }
        final Vote vote = new Vote();
        strategy.vote(vote);
        return vote;
    }

    /** Default-configured instance of library strategy {@code name}. */
    static Strategy strategy(String name) {
        return StrategyLibrary.of(StrategyLibrary.builtIns()).configure(name, ConfigNode.empty())
            .factory().create(0);
    }
}
