package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Rsi;

/**
 * {@code rsi_reversal}: RSI climbing back above {@code oversold} after an excursion below it votes BUY on that
 * candle; falling back under {@code overbought} votes SELL. Confidence 0.5 plus up to 0.5 for how deep the
 * excursion went ({@code full_depth} RSI points for the maximum). Single-threaded, allocation-free per candle.
 */
public final class RsiReversalStrategy implements Strategy {
    public static final String NAME = "rsi_reversal";
    public static final int REASON_NO_CROSS = 10;
    public static final int REASON_LEFT_OVERSOLD = 11;
    public static final int REASON_LEFT_OVERBOUGHT = 12;

    private final Params params;
    private final Rsi rsi;
    private double extreme = Double.NaN;
    private byte action;
    private double confidence;
    private int reason = Vote.REASON_WARMING_UP;

    /** Parameters under {@code strategies.params.rsi_reversal}. */
    public record Params(int rsiPeriod, double oversold, double overbought, double fullDepth) {
        static Params read(ConfigNode n) {
            return new Params((int) n.integer("rsi_period", 14, 2, 500), n.decimal("oversold", 30, 0, 50),
                n.decimal("overbought", 70, 50, 100), n.decimal("full_depth", 15, 1, 50));
        }
    }

    /** A strategy with {@code params}. */
    public RsiReversalStrategy(Params params) {
        this.params = params;
        rsi = new Rsi(params.rsiPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        final double r = rsi.update(FixedPoint.toDouble(candle.closeE8));
        action = Action.HOLD;
        confidence = 0;
        if (!rsi.ready()) {
            reason = Vote.REASON_WARMING_UP;
            return;
        }
        reason = REASON_NO_CROSS;
        if (r < params.oversold()) {
            // inside the oversold zone: remember how deep it went
            extreme = Double.isNaN(extreme) || extreme > params.oversold() ? r : Math.min(extreme, r);
        } else if (r > params.overbought()) {
            extreme = Double.isNaN(extreme) || extreme < params.overbought() ? r : Math.max(extreme, r);
        } else if (!Double.isNaN(extreme)) {
            if (extreme < params.oversold()) {
                action = Action.BUY;
                confidence = 0.5 + 0.5 * Math.min(1.0, (params.oversold() - extreme) / params.fullDepth());
                reason = REASON_LEFT_OVERSOLD;
            } else {
                action = Action.SELL;
                confidence = 0.5 + 0.5 * Math.min(1.0, (extreme - params.overbought()) / params.fullDepth());
                reason = REASON_LEFT_OVERBOUGHT;
            }
            extreme = Double.NaN;
        }
    }

    @Override
    public void vote(Vote out) {
        out.set(action, confidence, reason);
    }

    @Override
    public int warmUpCandles() {
        return params.rsiPeriod() + 1;
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.MEAN_REVERSION, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new RsiReversalStrategy(p);
        });
    }
}
