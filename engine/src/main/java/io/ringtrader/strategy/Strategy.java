package io.ringtrader.strategy;

import io.ringtrader.event.Candle;

/**
 * A trading strategy for ONE instrument: the strategy stage creates one instance per instrument (through the
 * {@link StrategyFactory} its {@link StrategyProvider} returns), feeds it every closed candle of that instrument
 * in time order, and asks for its vote. Both calls run on the strategy stage's thread, once per candle; they must
 * not allocate, block, or read the clock (so replays give the same votes bit for bit).
 */
public interface Strategy {
    /** Updates state with the next closed candle (incomplete candles included: see {@link Candle#complete}). */
    void onCandle(Candle candle);

    /** Fills {@code out} with the vote for the last candle seen (HOLD with {@link Vote#REASON_WARMING_UP} early). */
    void vote(Vote out);

    /** Candles this strategy needs before its votes mean anything. */
    int warmUpCandles();
}
