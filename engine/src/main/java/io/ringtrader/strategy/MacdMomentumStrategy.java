package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Atr;
import io.ringtrader.strategy.indicator.Macd;

/**
 * {@code macd_momentum}: a positive and rising MACD histogram votes BUY, a negative and falling one SELL.
 * Confidence is the histogram's size relative to {@code histogram_full_atr} ATRs. Single-threaded,
 * allocation-free per candle.
 */
public final class MacdMomentumStrategy implements Strategy {
    public static final String NAME = "macd_momentum";
    public static final int REASON_RISING = 11;
    public static final int REASON_FALLING = 12;
    /** Histogram sign and slope disagree: momentum fading. */
    public static final int REASON_FADING = 13;

    private final Params params;
    private final Macd macd;
    private final Atr atr;
    private double histogram = Double.NaN;
    private double previousHistogram = Double.NaN;

    /** Parameters under {@code strategies.params.macd_momentum}. */
    public record Params(int fastPeriod, int slowPeriod, int signalPeriod, int atrPeriod, double histogramFullAtr) {
        static Params read(ConfigNode n) {
            final int fast = (int) n.integer("fast_period", 12, 1, 1_000);
            final int slow = (int) n.integer("slow_period", 26, 2, 5_000);
            if (fast >= slow) {
                throw n.fail("fast_period", "must be < slow_period (" + slow + "), got " + fast);
            }
            return new Params(fast, slow, (int) n.integer("signal_period", 9, 1, 1_000),
                (int) n.integer("atr_period", 14, 1, 500), n.decimal("histogram_full_atr", 0.25, 0.001, 100));
        }
    }

    /** A strategy with {@code params}. */
    public MacdMomentumStrategy(Params params) {
        this.params = params;
        macd = new Macd(params.fastPeriod(), params.slowPeriod(), params.signalPeriod());
        atr = new Atr(params.atrPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        final double close = FixedPoint.toDouble(candle.closeE8);
        macd.update(close);
        atr.update(FixedPoint.toDouble(candle.highE8), FixedPoint.toDouble(candle.lowE8), close);
        previousHistogram = histogram;
        histogram = macd.histogram();
    }

    @Override
    public void vote(Vote out) {
        if (!macd.ready() || !atr.ready() || Double.isNaN(previousHistogram)) {
            out.hold(Vote.REASON_WARMING_UP);
            return;
        }
        final double atrValue = atr.value();
        final double confidence = atrValue > 0 ? Math.abs(histogram) / (params.histogramFullAtr() * atrValue) : 0;
        if (histogram > 0 && histogram > previousHistogram) {
            out.set(Action.BUY, confidence, REASON_RISING);
        } else if (histogram < 0 && histogram < previousHistogram) {
            out.set(Action.SELL, confidence, REASON_FALLING);
        } else {
            out.hold(REASON_FADING);
        }
    }

    @Override
    public int warmUpCandles() {
        return Math.max(params.slowPeriod() + params.signalPeriod(), params.atrPeriod());
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.TREND, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new MacdMomentumStrategy(p);
        });
    }
}
