package io.ringtrader.feed;

import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.RingPublisher;
import java.nio.charset.StandardCharsets;

/**
 * Decodes Coinbase Advanced Trade frames: {@code market_trades} to trades, {@code heartbeats} to time advances
 * (envelope {@code timestamp}), {@code sequence_num} jumps to gap events, {@code subscriptions} and errors to the
 * {@link FeedControl}; other channels are ignored and counted. Allocation-free for trade and heartbeat frames.
 * Used by the feed's I/O thread only.
 */
final class AdvancedTradeDecoder implements FeedDecoder {
    private static final byte[] CHANNEL = TradeFields.bytes("channel");
    private static final byte[] TIMESTAMP = TradeFields.bytes("timestamp");
    private static final byte[] SEQUENCE_NUM = TradeFields.bytes("sequence_num");
    private static final byte[] EVENTS = TradeFields.bytes("events");
    private static final byte[] TYPE = TradeFields.bytes("type");
    private static final byte[] MESSAGE = TradeFields.bytes("message");
    private static final byte[] REASON = TradeFields.bytes("reason");
    private static final byte[] TRADES = TradeFields.bytes("trades");
    private static final byte[] MARKET_TRADES = TradeFields.bytes("market_trades");
    private static final byte[] HEARTBEATS = TradeFields.bytes("heartbeats");
    private static final byte[] SUBSCRIPTIONS = TradeFields.bytes("subscriptions");
    private static final byte[] SNAPSHOT = TradeFields.bytes("snapshot");
    private static final byte[] ERROR = TradeFields.bytes("error");

    private final JsonCursor envelope;
    private final JsonCursor events;
    private final JsonCursor trades;
    private final TradeFields fields;
    private final TradeSink sink;
    private final FeedStats stats;
    private final RejectLog rejects;
    private final FeedControl control;
    private final RingPublisher publisher;
    private long lastSequence = -1;

    AdvancedTradeDecoder(FeedParts parts) {
        this.envelope = parts.newCursor();
        this.events = parts.newCursor();
        this.trades = parts.newCursor();
        this.fields = new TradeFields(parts.instruments());
        this.sink = parts.sink();
        this.stats = parts.stats();
        this.rejects = parts.rejects();
        this.control = parts.control();
        this.publisher = parts.publisher();
    }

    @Override
    public void connectionStarted() {
        lastSequence = -1;
    }

    @Override
    public void decode(byte[] buf, int offset, int length, long receivedNs) {
        final JsonCursor c = envelope;
        c.wrap(buf, offset, length);
        int t = c.next();
        if (t != JsonCursor.START_OBJECT) {
            reject(t == JsonCursor.ERROR ? c.error() : RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        int channelStart = -1;
        int channelLength = 0;
        int timeStart = -1;
        int timeLength = 0;
        long sequence = -1;
        int eventsStart = -1;
        int eventsEnd = -1;
        int typeStart = -1;
        int typeLength = 0;
        int messageStart = -1;
        int messageLength = 0;
        int reasonStart = -1;
        int reasonLength = 0;
        while ((t = c.next()) == JsonCursor.FIELD_NAME) {
            final int keyStart = c.tokenStart();
            final int keyLength = c.tokenLength();
            final int v = c.next();
            if (v == JsonCursor.ERROR) {
                break;
            }
            if (TradeFields.is(buf, keyStart, keyLength, CHANNEL) && v == JsonCursor.STRING) {
                channelStart = c.tokenStart();
                channelLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, TIMESTAMP) && v == JsonCursor.STRING) {
                timeStart = c.tokenStart();
                timeLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, SEQUENCE_NUM) && v == JsonCursor.NUMBER) {
                sequence = c.tokenAsNonNegativeLong();
            } else if (TradeFields.is(buf, keyStart, keyLength, EVENTS) && v == JsonCursor.START_ARRAY) {
                eventsStart = c.tokenStart();
                if (c.skipChildren(v) == JsonCursor.ERROR) {
                    break;
                }
                eventsEnd = c.position();
            } else if (TradeFields.is(buf, keyStart, keyLength, TYPE) && v == JsonCursor.STRING) {
                typeStart = c.tokenStart();
                typeLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, MESSAGE) && v == JsonCursor.STRING) {
                messageStart = c.tokenStart();
                messageLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, REASON) && v == JsonCursor.STRING) {
                reasonStart = c.tokenStart();
                reasonLength = c.tokenLength();
            } else if (c.skipChildren(v) == JsonCursor.ERROR) {
                break;
            }
        }
        if (t != JsonCursor.END_OBJECT || c.next() != JsonCursor.END) {
            reject(c.error() != null ? c.error() : RejectReason.MALFORMED_JSON, buf, offset, length);
            return;
        }
        if (typeStart >= 0 && TradeFields.is(buf, typeStart, typeLength, ERROR)) {
            control.onErrorFrame(text(buf, messageStart, messageLength) + " " + text(buf, reasonStart, reasonLength));
            return;
        }
        if (channelStart < 0) {
            reject(RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        final long timestampNs = timeStart < 0 ? Rfc3339.INVALID : TradeFields.parseTime(buf, timeStart, timeLength);
        if (sequence >= 0) {
            if (lastSequence >= 0 && sequence > lastSequence + 1) {
                sink.gap(-1, timestampNs == Rfc3339.INVALID ? 0 : timestampNs, sequence - lastSequence - 1,
                    receivedNs);
            }
            lastSequence = sequence;
        }
        if (TradeFields.is(buf, channelStart, channelLength, MARKET_TRADES)) {
            if (eventsStart < 0) {
                reject(RejectReason.MISSING_FIELD, buf, offset, length);
            } else {
                decodeTradeEvents(buf, eventsStart, eventsEnd - eventsStart, sequence, receivedNs);
            }
        } else if (TradeFields.is(buf, channelStart, channelLength, HEARTBEATS)) {
            if (timestampNs == Rfc3339.INVALID) {
                reject(RejectReason.BAD_TIME, buf, offset, length);
            } else {
                stats.heartbeat();
                sink.advanceTime(timestampNs);
                publisher.publishHeartbeat(timestampNs, sequence, receivedNs);
            }
        } else if (TradeFields.is(buf, channelStart, channelLength, SUBSCRIPTIONS)) {
            if (eventsStart >= 0 && mentions(buf, eventsStart, eventsEnd - eventsStart, MARKET_TRADES)) {
                control.onSubscribed(timestampNs == Rfc3339.INVALID ? 0 : timestampNs, receivedNs);
            }
        } else {
            stats.reject(RejectReason.IGNORED_MESSAGE);
        }
    }

    /** {@code [{"type":"snapshot"|"update","trades":[...]}, ...]}: each event is published as one batch. */
    private void decodeTradeEvents(byte[] buf, int start, int length, long sequence, long receivedNs) {
        final JsonCursor c = events;
        c.wrap(buf, start, length);
        c.next(); // the array, validated by the envelope pass
        int t;
        while ((t = c.next()) == JsonCursor.START_OBJECT) {
            boolean snapshot = false;
            int tradesStart = -1;
            int tradesEnd = -1;
            while (c.next() == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (TradeFields.is(buf, keyStart, keyLength, TYPE) && v == JsonCursor.STRING) {
                    snapshot = c.tokenEquals(SNAPSHOT);
                } else if (TradeFields.is(buf, keyStart, keyLength, TRADES) && v == JsonCursor.START_ARRAY) {
                    tradesStart = c.tokenStart();
                    c.skipChildren(v);
                    tradesEnd = c.position();
                } else {
                    c.skipChildren(v);
                }
            }
            if (tradesStart < 0) {
                reject(RejectReason.MISSING_FIELD, buf, start, length);
                continue;
            }
            decodeTrades(buf, tradesStart, tradesEnd - tradesStart, snapshot, sequence, receivedNs);
        }
        if (t != JsonCursor.END_ARRAY) {
            reject(RejectReason.MISSING_FIELD, buf, start, length);
        }
    }

    private void decodeTrades(byte[] buf, int start, int length, boolean snapshot, long sequence, long receivedNs) {
        final JsonCursor c = trades;
        c.wrap(buf, start, length);
        c.next();
        sink.begin();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY && t != JsonCursor.ERROR) {
            if (t != JsonCursor.START_OBJECT) {
                reject(RejectReason.MISSING_FIELD, buf, start, length);
                c.skipChildren(t);
                continue;
            }
            final int tradeStart = c.tokenStart();
            fields.reset(buf);
            while (c.next() == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (!fields.offer(c, keyStart, keyLength, v)) {
                    c.skipChildren(v);
                }
            }
            final RejectReason problem = fields.resolve();
            if (problem != null) {
                reject(problem, buf, tradeStart, c.position() - tradeStart);
            } else if (!sink.add(fields)) {
                reject(RejectReason.BAD_FRAME, buf, tradeStart, c.position() - tradeStart);
            }
        }
        sink.publish(snapshot, sequence, receivedNs);
    }

    /** True when a string or key equal to {@code name} appears anywhere in the value {@code buf[start, +length)}. */
    private boolean mentions(byte[] buf, int start, int length, byte[] name) {
        final JsonCursor c = events;
        c.wrap(buf, start, length);
        int t;
        while ((t = c.next()) != JsonCursor.END && t != JsonCursor.ERROR) {
            if ((t == JsonCursor.FIELD_NAME || t == JsonCursor.STRING) && c.tokenEquals(name)) {
                return true;
            }
        }
        return false;
    }

    private void reject(RejectReason reason, byte[] buf, int offset, int length) {
        rejects.reject(reason, buf, offset, length);
    }

    static String text(byte[] buf, int start, int length) {
        return start < 0 ? "" : new String(buf, start, length, StandardCharsets.UTF_8);
    }
}
