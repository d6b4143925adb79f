package io.ringtrader.feed;

/** What a decoder tells the connection logic (subscription confirmed, error frame); called on the I/O thread. */
interface FeedControl {
    /** The server confirmed the trade channel subscription. */
    void onSubscribed(long timestampNs, long receivedNs);

    /** The server sent an error frame; {@code text} is its message and reason, raw from the wire. */
    void onErrorFrame(String text);

    /** The level2 books were lost (a sequence gap, a broken level2 frame): resubscribe level2 for fresh snapshots. */
    default void onBooksLost() {
    }
}
