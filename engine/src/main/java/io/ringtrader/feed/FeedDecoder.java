package io.ringtrader.feed;

/**
 * Decodes one WebSocket text message of a Coinbase protocol straight into ring slots. Never throws: bad input is
 * rejected and counted. Called by the feed's I/O thread only.
 */
interface FeedDecoder {
    /** Decodes the JSON text {@code buf[offset, offset + length)} received at monotonic {@code receivedNs}. */
    void decode(byte[] buf, int offset, int length, long receivedNs);

    /** A new connection starts: forget per-connection state such as the frame sequence. */
    void connectionStarted();
}
