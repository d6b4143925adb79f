package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Adx;
import io.ringtrader.strategy.indicator.Ema;

/**
 * {@code trend_following}: fast EMA above slow EMA confirmed by ADX (trend strength) and +DI over -DI (direction)
 * votes BUY; the mirror votes SELL. Confidence grows with ADX above {@code adx_min} and with the EMA spread.
 * Single-threaded, allocation-free per candle.
 */
public final class TrendFollowingStrategy implements Strategy {
    public static final String NAME = "trend_following";
    /** ADX under {@code adx_min}: no trend to follow. */
    public static final int REASON_NO_TREND = 10;
    public static final int REASON_UPTREND = 11;
    public static final int REASON_DOWNTREND = 12;
    /** EMAs and directional indicators disagree. */
    public static final int REASON_CONFLICT = 13;

    private final Params params;
    private final Ema fast;
    private final Ema slow;
    private final Adx adx;
    private double close;

    /** Parameters under {@code strategies.params.trend_following}. */
    public record Params(int fastPeriod, int slowPeriod, int adxPeriod, double adxMin, double adxStrong,
                         double spreadFullBps) {
        static Params read(ConfigNode n) {
            final int fast = (int) n.integer("fast_period", 12, 1, 1_000);
            final int slow = (int) n.integer("slow_period", 26, 2, 5_000);
            if (fast >= slow) {
                throw n.fail("fast_period", "must be < slow_period (" + slow + "), got " + fast);
            }
            final double adxMin = n.decimal("adx_min", 20, 0, 100);
            final double adxStrong = n.decimal("adx_strong", 40, 0, 100);
            if (adxStrong <= adxMin) {
                throw n.fail("adx_strong", "must be > adx_min (" + adxMin + "), got " + adxStrong);
            }
            return new Params(fast, slow, (int) n.integer("adx_period", 14, 2, 500), adxMin, adxStrong,
                n.decimal("spread_full_bps", 20, 0.01, 10_000));
        }
    }

    /** A strategy with {@code params}. */
    public TrendFollowingStrategy(Params params) {
        this.params = params;
        fast = new Ema(params.fastPeriod());
        slow = new Ema(params.slowPeriod());
        adx = new Adx(params.adxPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        close = FixedPoint.toDouble(candle.closeE8);
        fast.update(close);
        slow.update(close);
        adx.update(FixedPoint.toDouble(candle.highE8), FixedPoint.toDouble(candle.lowE8), close);
    }

    @Override
    public void vote(Vote out) {
        if (!slow.ready() || !adx.ready()) {
            out.hold(Vote.REASON_WARMING_UP);
            return;
        }
        final double strength = adx.adx();
        if (strength < params.adxMin()) {
            out.hold(REASON_NO_TREND);
            return;
        }
        final double spreadBps = (fast.value() - slow.value()) / slow.value() * 10_000.0;
        final double confidence = 0.5 * Math.min(1.0, (strength - params.adxMin())
            / (params.adxStrong() - params.adxMin()))
            + 0.5 * Math.min(1.0, Math.abs(spreadBps) / params.spreadFullBps());
        if (spreadBps > 0 && adx.plusDi() > adx.minusDi()) {
            out.set(Action.BUY, confidence, REASON_UPTREND);
        } else if (spreadBps < 0 && adx.minusDi() > adx.plusDi()) {
            out.set(Action.SELL, confidence, REASON_DOWNTREND);
        } else {
            out.hold(REASON_CONFLICT);
        }
    }

    @Override
    public int warmUpCandles() {
        return Math.max(params.slowPeriod(), 2 * params.adxPeriod());
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.TREND, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new TrendFollowingStrategy(p);
        });
    }
}
