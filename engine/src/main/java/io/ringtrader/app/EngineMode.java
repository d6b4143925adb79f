package io.ringtrader.app;

/** What the engine runs: which stages are wired behind the ring. */
public enum EngineMode {
    /** Candles, strategies, risk and the paper portfolio. */
    LIVE_TRADING,
    /** Candles and persistence only (journal, Parquet). */
    DATA_ONLY,
    /** Journaled inputs pushed through the full pipeline into a separate output folder. */
    REPLAY
}
