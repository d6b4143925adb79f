package io.ringtrader.feed;

import io.ringtrader.config.FeedProtocol;

/**
 * Tells whether a message belongs to the level2 channel, from its envelope alone, so the frame cap can be per
 * channel: Advanced Trade {@code "channel":"l2_data"}, Exchange {@code "type":"snapshot"} or {@code "l2update"}.
 * Walks the top-level keys only (values skipped), and Coinbase sends that key first, so a 5 MB snapshot is
 * recognised at once. Used by the feed's I/O thread only.
 */
final class FrameChannel {
    private static final byte[] CHANNEL = TradeFields.bytes("channel");
    private static final byte[] TYPE = TradeFields.bytes("type");
    private static final byte[] L2_DATA = TradeFields.bytes("l2_data");
    private static final byte[] SNAPSHOT = TradeFields.bytes("snapshot");
    private static final byte[] L2UPDATE = TradeFields.bytes("l2update");

    private final boolean exchange;
    private final JsonCursor cursor = new JsonCursor(FeedParts.MAX_DEPTH, FeedParts.MAX_STRING_BYTES);

    FrameChannel(FeedProtocol protocol) {
        this.exchange = protocol == FeedProtocol.EXCHANGE;
    }

    /** True when the JSON object {@code buf[offset, +length)} is a level2 message of the protocol. */
    boolean isLevel2(byte[] buf, int offset, int length) {
        final JsonCursor c = cursor;
        c.wrap(buf, offset, length);
        if (c.next() != JsonCursor.START_OBJECT) {
            return false;
        }
        final byte[] key = exchange ? TYPE : CHANNEL;
        while (c.next() == JsonCursor.FIELD_NAME) {
            final boolean wanted = c.tokenEquals(key);
            final int v = c.next();
            if (wanted) {
                return v == JsonCursor.STRING && (exchange ? c.tokenEquals(SNAPSHOT) || c.tokenEquals(L2UPDATE)
                    : c.tokenEquals(L2_DATA));
            }
            if (v == JsonCursor.ERROR || c.skipChildren(v) == JsonCursor.ERROR) {
                return false;
            }
        }
        return false;
    }
}
