package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Bollinger;
import io.ringtrader.strategy.indicator.Rsi;

/**
 * {@code mean_reversion}: a close at or below the lower Bollinger band with RSI oversold votes BUY; at or above
 * the upper band with RSI overbought votes SELL. Confidence starts at 0.5 at the thresholds and reaches 1 one
 * more standard deviation beyond the band and {@code rsi_full_depth} RSI points beyond its level.
 * Single-threaded, allocation-free per candle.
 */
public final class MeanReversionStrategy implements Strategy {
    public static final String NAME = "mean_reversion";
    public static final int REASON_INSIDE_BANDS = 10;
    public static final int REASON_OVERSOLD = 11;
    public static final int REASON_OVERBOUGHT = 12;
    /** Outside a band but RSI does not confirm. */
    public static final int REASON_RSI_NOT_CONFIRMING = 13;

    private final Params params;
    private final Bollinger bands;
    private final Rsi rsi;
    private double close;

    /** Parameters under {@code strategies.params.mean_reversion}. */
    public record Params(int bandPeriod, double bandWidth, int rsiPeriod, double oversold, double overbought,
                         double rsiFullDepth) {
        static Params read(ConfigNode n) {
            final double oversold = n.decimal("oversold", 30, 0, 50);
            final double overbought = n.decimal("overbought", 70, 50, 100);
            return new Params((int) n.integer("band_period", 20, 2, 5_000), n.decimal("band_width", 2.0, 0.1, 10),
                (int) n.integer("rsi_period", 14, 2, 500), oversold, overbought,
                n.decimal("rsi_full_depth", 20, 1, 50));
        }
    }

    /** A strategy with {@code params}. */
    public MeanReversionStrategy(Params params) {
        this.params = params;
        bands = new Bollinger(params.bandPeriod(), params.bandWidth());
        rsi = new Rsi(params.rsiPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        close = FixedPoint.toDouble(candle.closeE8);
        bands.update(candle.closeE8);
        rsi.update(close);
    }

    @Override
    public void vote(Vote out) {
        if (!bands.ready() || !rsi.ready()) {
            out.hold(Vote.REASON_WARMING_UP);
            return;
        }
        final double z = bands.zScore(close);
        final double r = rsi.value();
        final double width = params.bandWidth();
        if (z <= -width) {
            if (r <= params.oversold()) {
                out.set(Action.BUY, 0.5 + 0.25 * Math.min(1.0, -z - width)
                    + 0.25 * Math.min(1.0, (params.oversold() - r) / params.rsiFullDepth()), REASON_OVERSOLD);
            } else {
                out.hold(REASON_RSI_NOT_CONFIRMING);
            }
        } else if (z >= width) {
            if (r >= params.overbought()) {
                out.set(Action.SELL, 0.5 + 0.25 * Math.min(1.0, z - width)
                    + 0.25 * Math.min(1.0, (r - params.overbought()) / params.rsiFullDepth()), REASON_OVERBOUGHT);
            } else {
                out.hold(REASON_RSI_NOT_CONFIRMING);
            }
        } else {
            out.hold(REASON_INSIDE_BANDS);
        }
    }

    @Override
    public int warmUpCandles() {
        return Math.max(params.bandPeriod(), params.rsiPeriod() + 1);
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.MEAN_REVERSION, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new MeanReversionStrategy(p);
        });
    }
}
