package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Atr;
import io.ringtrader.strategy.indicator.RollingVwap;

/**
 * {@code vwap_reversion}: a close at least {@code entry_atr} ATRs below the rolling VWAP votes BUY (expecting a
 * return to the volume-weighted mean), as far above votes SELL. Confidence 0.5 at the entry distance, 1 at
 * {@code entry_atr + full_atr}. Single-threaded, allocation-free per candle.
 */
public final class VwapReversionStrategy implements Strategy {
    public static final String NAME = "vwap_reversion";
    public static final int REASON_NEAR_VWAP = 10;
    public static final int REASON_BELOW_VWAP = 11;
    public static final int REASON_ABOVE_VWAP = 12;

    private final Params params;
    private final RollingVwap vwap;
    private final Atr atr;
    private double close;

    /** Parameters under {@code strategies.params.vwap_reversion}. */
    public record Params(int vwapWindow, int atrPeriod, double entryAtr, double fullAtr) {
        static Params read(ConfigNode n) {
            return new Params((int) n.integer("vwap_window", 60, 2, 10_080),
                (int) n.integer("atr_period", 14, 1, 500),
                n.decimal("entry_atr", 2.0, 0.1, 50), n.decimal("full_atr", 2.0, 0.1, 50));
        }
    }

    /** A strategy with {@code params}. */
    public VwapReversionStrategy(Params params) {
        this.params = params;
        vwap = new RollingVwap(params.vwapWindow());
        atr = new Atr(params.atrPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        close = FixedPoint.toDouble(candle.closeE8);
        vwap.update(FixedPoint.toDouble(candle.notionalE8), FixedPoint.toDouble(candle.volumeE8), close);
        atr.update(FixedPoint.toDouble(candle.highE8), FixedPoint.toDouble(candle.lowE8), close);
    }

    @Override
    public void vote(Vote out) {
        final double atrValue = atr.value();
        if (!vwap.ready() || !atr.ready() || !(atrValue > 0)) {
            out.hold(Vote.REASON_WARMING_UP);
            return;
        }
        final double distance = (close - vwap.value()) / atrValue;
        final double beyond = Math.abs(distance) - params.entryAtr();
        if (beyond < 0) {
            out.hold(REASON_NEAR_VWAP);
            return;
        }
        final double confidence = 0.5 + 0.5 * Math.min(1.0, beyond / params.fullAtr());
        if (distance < 0) {
            out.set(Action.BUY, confidence, REASON_BELOW_VWAP);
        } else {
            out.set(Action.SELL, confidence, REASON_ABOVE_VWAP);
        }
    }

    @Override
    public int warmUpCandles() {
        return Math.max(params.vwapWindow(), params.atrPeriod());
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.MEAN_REVERSION, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new VwapReversionStrategy(p);
        });
    }
}
