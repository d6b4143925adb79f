package io.ringtrader.exchange;

/**
 * A stream of market events (trades, heartbeats, a tape's level2 changes) in non-decreasing exchange time, pulled
 * one at a time. Driven by a single thread (the loopback exchange's event loop); implementations need not be
 * thread-safe.
 */
public interface MarketSource extends AutoCloseable {
    /**
     * Fills {@code out} with the next event.
     *
     * @return false when the source has ended ({@code out} is then unchanged)
     */
    boolean next(SimEvent out);

    /**
     * The level2 book this source keeps, or null (a tape of trades): refreshed by {@link #next} when it returns a
     * heartbeat, for the second that heartbeat starts.
     */
    default SimBook book() {
        return null;
    }

    /**
     * The level2 books a tape carries, or null: as of the last {@link SimEvent#LEVEL2} event {@link #next} returned,
     * whose levels stay readable in it until the next call of {@link #next}.
     */
    default TapeBook tapeBook() {
        return null;
    }

    /** Releases files; the default does nothing. */
    @Override
    default void close() {
    }
}
