package io.ringtrader.source;

import io.ringtrader.event.RingPublisher;

/**
 * Something that publishes market events into the ring from one producer thread: the Netty feed (live Coinbase
 * or the built-in loopback exchange) or a journal reader. {@link #close()} stops publishing and returns once the
 * producer thread will publish no more.
 */
public interface MarketDataSource extends AutoCloseable {
    /** Starts publishing through {@code publisher} (asynchronously). */
    void start(RingPublisher publisher) throws Exception;

    /**
     * Where a source that cannot go on (a journal that cannot be read) reports why; the engine then stops with
     * exit code 1. Sources that never fail that way ignore it.
     */
    default void onFailure(java.util.function.Consumer<String> handler) {
    }

    /** A one-line health summary for logs and the status display. */
    String summary();

    @Override
    void close();
}
