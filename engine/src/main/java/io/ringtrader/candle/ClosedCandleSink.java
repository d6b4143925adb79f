package io.ringtrader.candle;

import io.ringtrader.event.Candle;

/**
 * Receives every candle the {@link CandleHandler} closes, on the consumer thread, right after it is stored.
 * Implementations must copy what they keep (the candle is reused), must never block and must not allocate per call:
 * they hand the copy to their own thread through a single-producer queue.
 */
public interface ClosedCandleSink {

    /** A sink that keeps nothing (backtests without persistence, tests). */
    ClosedCandleSink NONE = candle -> true;

    /** Takes a copy of {@code candle}; false when the sink had no room (the caller counts it, never retries). */
    boolean offer(Candle candle);
}
