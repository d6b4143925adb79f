package io.ringtrader.strategy;

import io.ringtrader.event.Candle;

/**
 * Runs a strategy on N-minute candles ({@code timeframe_minutes}: 5, 15 or 60) built from the 1-minute ones the
 * strategy stage feeds: bars aligned on UTC multiples of N minutes, handed to the strategy when their last minute
 * closes (or, when minutes are missing, when a minute of a later bar arrives; such a bar is incomplete). Open is the
 * first minute's open, close the last one's close, high/low the extremes, volume, notional and trade count summed;
 * complete only when all N minutes were there and complete. The vote is the strategy's vote on its last bar. One
 * pre-allocated bar: no allocation per candle. Same thread contract as {@link Strategy}.
 */
final class TimeframeStrategy implements Strategy {
    /** The timeframes a strategy may ask for, in minutes (1: the stage's own candles, no aggregation). */
    static final int[] TIMEFRAMES = {1, 5, 15, 60};
    private static final long MINUTE_NS = 60_000_000_000L;

    private final Strategy inner;
    private final int minutes;
    private final long barNs;
    private final Candle bar = new Candle();
    private long barStartNs = Long.MIN_VALUE;
    private int minutesInBar;
    private boolean allComplete;

    TimeframeStrategy(Strategy inner, int minutes) {
        this.inner = inner;
        this.minutes = minutes;
        this.barNs = minutes * MINUTE_NS;
    }

    @Override
    public void onCandle(Candle candle) {
        final long startNs = Math.floorDiv(candle.openTimeNs, barNs) * barNs;
        if (startNs != barStartNs) {
            if (minutesInBar > 0) {
                emit(); // minutes at the end of the previous bar never came
            }
            barStartNs = startNs;
            bar.instrumentId = candle.instrumentId;
            bar.openTimeNs = startNs;
            bar.openE8 = candle.openE8;
            bar.highE8 = candle.highE8;
            bar.lowE8 = candle.lowE8;
            bar.volumeE8 = 0;
            bar.notionalE8 = 0;
            bar.tradeCount = 0;
            allComplete = true;
        }
        bar.highE8 = Math.max(bar.highE8, candle.highE8);
        bar.lowE8 = Math.min(bar.lowE8, candle.lowE8);
        bar.closeE8 = candle.closeE8;
        bar.volumeE8 += candle.volumeE8;
        bar.notionalE8 += candle.notionalE8;
        bar.tradeCount += candle.tradeCount;
        bar.source = candle.source;
        allComplete &= candle.complete;
        minutesInBar++;
        if (candle.openTimeNs + MINUTE_NS - startNs >= barNs) {
            emit();
        }
    }

    private void emit() {
        bar.complete = allComplete && minutesInBar == minutes;
        inner.onCandle(bar);
        minutesInBar = 0;
    }

    @Override
    public void vote(Vote out) {
        inner.vote(out);
    }

    @Override
    public int warmUpCandles() {
        return inner.warmUpCandles() * minutes;
    }

    /** The strategy's factory, wrapped when {@code minutes} is not 1. */
    static StrategyFactory wrap(StrategyFactory factory, int minutes) {
        return minutes == 1 ? factory : instrumentId -> new TimeframeStrategy(factory.create(instrumentId), minutes);
    }
}
