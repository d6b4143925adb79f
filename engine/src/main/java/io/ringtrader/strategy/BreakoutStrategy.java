package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.indicator.Atr;
import io.ringtrader.strategy.indicator.Donchian;
import io.ringtrader.strategy.indicator.Sma;

/**
 * {@code breakout}: a close above the Donchian high of the PREVIOUS {@code channel_period} candles on volume at
 * least {@code volume_factor} times the previous average votes BUY; below the low votes SELL. Confidence starts
 * at 0.5 and grows with the distance beyond the channel (in ATRs) and the volume surplus. Single-threaded,
 * allocation-free per candle.
 */
public final class BreakoutStrategy implements Strategy {
    public static final String NAME = "breakout";
    public static final int REASON_INSIDE_CHANNEL = 10;
    public static final int REASON_BREAKOUT_UP = 11;
    public static final int REASON_BREAKOUT_DOWN = 12;
    /** Outside the channel on thin volume. */
    public static final int REASON_NO_VOLUME = 13;

    private final Params params;
    private final Donchian channel;
    private final Sma volume;
    private final Atr atr;
    private byte action;
    private double confidence;
    private int reason = Vote.REASON_WARMING_UP;

    /** Parameters under {@code strategies.params.breakout}. */
    public record Params(int channelPeriod, int volumePeriod, double volumeFactor, int atrPeriod) {
        static Params read(ConfigNode n) {
            return new Params((int) n.integer("channel_period", 20, 2, 5_000),
                (int) n.integer("volume_period", 20, 1, 5_000), n.decimal("volume_factor", 1.5, 0, 100),
                (int) n.integer("atr_period", 14, 1, 500));
        }
    }

    /** A strategy with {@code params}. */
    public BreakoutStrategy(Params params) {
        this.params = params;
        channel = new Donchian(params.channelPeriod());
        volume = new Sma(params.volumePeriod());
        atr = new Atr(params.atrPeriod());
    }

    @Override
    public void onCandle(Candle candle) {
        final double high = FixedPoint.toDouble(candle.highE8);
        final double low = FixedPoint.toDouble(candle.lowE8);
        final double close = FixedPoint.toDouble(candle.closeE8);
        final double vol = FixedPoint.toDouble(candle.volumeE8);
        // judge this close against the channel and volume of the candles BEFORE it, then roll them forward
        decide(close, vol);
        channel.update(high, low);
        volume.update(vol);
        atr.update(high, low, close);
    }

    private void decide(double close, double vol) {
        action = Action.HOLD;
        confidence = 0;
        if (!channel.ready() || !volume.ready() || !atr.ready()) {
            reason = Vote.REASON_WARMING_UP;
            return;
        }
        final double avgVolume = volume.value();
        final double ratio = avgVolume > 0 ? vol / avgVolume : vol > 0 ? params.volumeFactor() * 2 : 0.0;
        final boolean up = close > channel.upper();
        final boolean down = close < channel.lower();
        if (!up && !down) {
            reason = REASON_INSIDE_CHANNEL;
            return;
        }
        if (ratio < params.volumeFactor() || vol <= 0) {
            reason = REASON_NO_VOLUME;
            return;
        }
        final double distance = up ? close - channel.upper() : channel.lower() - close;
        final double atrValue = atr.value();
        final double surplus = params.volumeFactor() > 0 ? (ratio - params.volumeFactor()) / params.volumeFactor()
            : 1.0;
        confidence = 0.5 + 0.25 * (atrValue > 0 ? Math.min(1.0, distance / atrValue) : 1.0)
            + 0.25 * Math.min(1.0, surplus);
        action = up ? Action.BUY : Action.SELL;
        reason = up ? REASON_BREAKOUT_UP : REASON_BREAKOUT_DOWN;
    }

    @Override
    public void vote(Vote out) {
        out.set(action, confidence, reason);
    }

    @Override
    public int warmUpCandles() {
        return Math.max(params.channelPeriod(), Math.max(params.volumePeriod(), params.atrPeriod())) + 1;
    }

    /** The built-in provider: its {@code strategies.params} entry read by {@link Params#read}. */
    public static StrategyProvider provider() {
        return new BuiltInProvider(NAME, StrategyStyle.TREND, node -> {
            final Params p = Params.read(node);
            return instrumentId -> new BreakoutStrategy(p);
        });
    }
}
