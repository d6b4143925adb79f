package io.ringtrader.app;

import io.ringtrader.event.RingPublisher;

/**
 * Something that publishes market events into the ring from one producer thread: the Netty feed (live Coinbase
 * or the built-in loopback exchange) or a journal reader. {@link #close()} stops publishing and returns once the
 * producer thread will publish no more.
 */
interface MarketDataSource extends AutoCloseable {
    /** Starts publishing through {@code publisher} (asynchronously). */
    void start(RingPublisher publisher) throws Exception;

    /** A one-line health summary for logs and the status display. */
    String summary();

    @Override
    void close();
}
