package io.ringtrader.feed;

import io.ringtrader.config.FeedProtocol;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.RingPublisher;

/**
 * What a decoder is built from; assembled once per {@link FeedClient} (or per test).
 *
 * @param instruments the instrument table
 * @param publisher   the ring's producer door
 * @param sink        trade ordering, de-duplication and batching
 * @param stats       counters
 * @param rejects     rate-limited rejection log
 * @param control     connection logic to tell about subscriptions and errors
 * @param books       the level2 books, or null when level2 is off
 */
record FeedParts(Instruments instruments, RingPublisher publisher, TradeSink sink, FeedStats stats,
                 RejectLog rejects, FeedControl control, Level2Books books) {
    /** Parts without level2 books (trades only). */
    FeedParts(Instruments instruments, RingPublisher publisher, TradeSink sink, FeedStats stats, RejectLog rejects,
              FeedControl control) {
        this(instruments, publisher, sink, stats, rejects, control, null);
    }

    /** Deepest nesting accepted (Coinbase frames nest 4 levels). */
    static final int MAX_DEPTH = 16;
    /** Longest string accepted (Coinbase strings are under 200 bytes). */
    static final int MAX_STRING_BYTES = 4_096;

    JsonCursor newCursor() {
        return new JsonCursor(MAX_DEPTH, MAX_STRING_BYTES);
    }

    /** The decoder for {@code protocol} ({@code advanced-trade} or {@code exchange}). */
    FeedDecoder decoder(FeedProtocol protocol) {
        return protocol == FeedProtocol.EXCHANGE ? new ExchangeDecoder(this) : new AdvancedTradeDecoder(this);
    }
}
