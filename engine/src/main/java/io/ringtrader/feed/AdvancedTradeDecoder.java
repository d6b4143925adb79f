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
    private static final byte[] L2_DATA = TradeFields.bytes("l2_data");

    private final JsonCursor envelope;
    private final JsonCursor events;
    private final TradeFields fields;
    private final TradeSink sink;
    private final FeedStats stats;
    private final RejectLog rejects;
    private final FeedControl control;
    private final RingPublisher publisher;
    private final Level2Books books;
    private final AdvancedTradeLevel2 level2;
    private long lastSequence = -1;
    private boolean sequenceChecked;

    AdvancedTradeDecoder(FeedParts parts) {
        this.envelope = parts.newCursor();
        this.events = parts.newCursor();
        this.fields = new TradeFields(parts.instruments());
        this.sink = parts.sink();
        this.stats = parts.stats();
        this.rejects = parts.rejects();
        this.control = parts.control();
        this.publisher = parts.publisher();
        this.books = parts.books();
        this.level2 = books == null ? null : new AdvancedTradeLevel2(parts);
    }

    @Override
    public void connectionStarted() {
        lastSequence = -1;
        if (books != null) {
            // a new connection: every book is rebuilt from the snapshot its subscribe brings
            books.invalidateAll();
            books.publishTouched(sink.lastExchangeNs(), -1, 0);
        }
    }

    // where the current frame's envelope fields are (offsets into the frame, -1: absent); reset per frame
    private int channelStart;
    private int channelLength;
    private int timeStart;
    private int timeLength;
    private long sequence;
    private int eventsStart;
    private int eventsEnd;
    private boolean eventsDecoded;
    private boolean bookFrame;
    private int typeStart;
    private int typeLength;
    private int messageStart;
    private int messageLength;
    private int reasonStart;
    private int reasonLength;

    @Override
    public void decode(byte[] buf, int offset, int length, long receivedNs) {
        final JsonCursor c = envelope;
        c.wrap(buf, offset, length);
        sink.begin();
        int t = c.next();
        if (t != JsonCursor.START_OBJECT) {
            reject(t == JsonCursor.ERROR ? c.error() : RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        resetEnvelope();
        t = scanFields(c, buf, receivedNs);
        if (t != JsonCursor.END_OBJECT || c.next() != JsonCursor.END) {
            sink.begin(); // nothing from a broken frame reaches the ring
            reject(c.error() != null ? c.error() : RejectReason.MALFORMED_JSON, buf, offset, length);
            if (bookFrame) {
                booksLost(); // part of its levels may have applied: the books cannot be trusted
                books.publishTouched(sink.lastExchangeNs(), sequence, receivedNs);
            }
            return;
        }
        dispatch(buf, offset, length, receivedNs);
    }

    /** Forgets the previous frame's envelope fields. */
    private void resetEnvelope() {
        channelStart = -1;
        channelLength = 0;
        timeStart = -1;
        timeLength = 0;
        sequence = -1;
        eventsStart = -1;
        eventsEnd = -1;
        eventsDecoded = false;
        bookFrame = false;
        sequenceChecked = false;
        typeStart = -1;
        typeLength = 0;
        messageStart = -1;
        messageLength = 0;
        reasonStart = -1;
        reasonLength = 0;
    }

    /**
     * Scans the envelope's fields, decoding the events in the same pass when the channel came first. Returns the token
     * that ended the scan: END_OBJECT, or another when the frame is broken.
     */
    private int scanFields(JsonCursor c, byte[] buf, long receivedNs) {
        int t;
        while ((t = c.next()) == JsonCursor.FIELD_NAME) {
            final int keyStart = c.tokenStart();
            final int keyLength = c.tokenLength();
            final int v = c.next();
            if (v == JsonCursor.ERROR) {
                return JsonCursor.FIELD_NAME; // stop at the broken field
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
                if (channelStart >= 0 && TradeFields.is(buf, channelStart, channelLength, MARKET_TRADES)) {
                    // the usual field order: decode the trades in this one pass
                    eventsDecoded = true;
                    if (!decodeTradeEvents(c)) {
                        return JsonCursor.FIELD_NAME; // stop at the broken field
                    }
                } else if (level2 != null && channelStart >= 0
                    && TradeFields.is(buf, channelStart, channelLength, L2_DATA)) {
                    // a gap is known before the levels apply: a lost frame discards the books first
                    checkSequence(sequence, timeStart, timeLength, buf, receivedNs);
                    eventsDecoded = true;
                    bookFrame = true;
                    if (!level2.decodeEvents(c)) {
                        return JsonCursor.FIELD_NAME; // stop at the broken field
                    }
                } else if (c.skipChildren(v) == JsonCursor.ERROR) {
                    return JsonCursor.FIELD_NAME; // stop at the broken field
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
                return JsonCursor.FIELD_NAME; // stop at the broken field
            }
        }
        return t;
    }

    /** Acts on a well-formed frame by its channel. */
    private void dispatch(byte[] buf, int offset, int length, long receivedNs) {
        if (typeStart >= 0 && TradeFields.is(buf, typeStart, typeLength, ERROR)) {
            control.onErrorFrame(text(buf, messageStart, messageLength) + " " + text(buf, reasonStart, reasonLength));
            return;
        }
        if (channelStart < 0) {
            reject(RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        final long timestampNs = timeStart < 0 ? Rfc3339.INVALID : fields.parseTime(buf, timeStart, timeLength);
        checkSequence(sequence, timeStart, timeLength, buf, receivedNs);
        if (level2 != null && TradeFields.is(buf, channelStart, channelLength, L2_DATA)) {
            if (eventsStart < 0) {
                reject(RejectReason.MISSING_FIELD, buf, offset, length);
            } else if (!eventsDecoded) {
                final JsonCursor e = events;
                e.wrap(buf, eventsStart, eventsEnd - eventsStart);
                e.next();
                level2.decodeEvents(e);
            }
            if (level2.broken) {
                level2.broken = false;
                control.onBooksLost();
            }
            books.publishTouched(timestampNs == Rfc3339.INVALID ? sink.lastExchangeNs() : timestampNs, sequence,
                receivedNs);
        } else if (TradeFields.is(buf, channelStart, channelLength, MARKET_TRADES)) {
            if (eventsStart < 0) {
                reject(RejectReason.MISSING_FIELD, buf, offset, length);
                return;
            }
            if (!eventsDecoded) {
                final JsonCursor e = events;
                e.wrap(buf, eventsStart, eventsEnd - eventsStart);
                e.next();
                decodeTradeEvents(e);
            }
            sink.publish(sequence, receivedNs);
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

    /** Once per frame: a {@code sequence_num} jump is a gap (every book is then lost). */
    private void checkSequence(long sequence, int timeStart, int timeLength, byte[] buf, long receivedNs) {
        if (sequenceChecked || sequence < 0) {
            return;
        }
        sequenceChecked = true;
        if (lastSequence >= 0 && sequence > lastSequence + 1) {
            final long timestampNs = timeStart < 0 ? Rfc3339.INVALID : fields.parseTime(buf, timeStart,
                timeLength);
            sink.gap(-1, timestampNs == Rfc3339.INVALID ? 0 : timestampNs, sequence - lastSequence - 1, receivedNs);
            if (books != null) {
                booksLost();
                books.publishTouched(timestampNs == Rfc3339.INVALID ? sink.lastExchangeNs() : timestampNs, -1,
                    receivedNs);
            }
        }
        lastSequence = sequence;
    }

    private void booksLost() {
        books.invalidateAll();
        control.onBooksLost();
    }

    /**
     * With the cursor just past the {@code events} array's opening bracket, reads
     * {@code [{"type":"snapshot"|"update","trades":[...]}, ...]} into the sink; false on a syntax error.
     */
    private boolean decodeTradeEvents(JsonCursor c) {
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_OBJECT) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                stats.reject(RejectReason.MISSING_FIELD);
                continue;
            }
            final int eventStart = c.tokenStart();
            final int firstTrade = sink.count();
            boolean snapshot = false;
            boolean hasTrades = false;
            int k;
            while ((k = c.next()) == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (TradeFields.is(buf, keyStart, keyLength, TYPE) && v == JsonCursor.STRING) {
                    snapshot = c.tokenEquals(SNAPSHOT);
                } else if (TradeFields.is(buf, keyStart, keyLength, TRADES) && v == JsonCursor.START_ARRAY) {
                    hasTrades = true;
                    if (!decodeTrades(c)) {
                        return false;
                    }
                } else if (v == JsonCursor.ERROR || c.skipChildren(v) == JsonCursor.ERROR) {
                    return false;
                }
            }
            if (k != JsonCursor.END_OBJECT) {
                return false;
            }
            if (!hasTrades) {
                reject(RejectReason.MISSING_FIELD, buf, eventStart, c.position() - eventStart);
            } else if (snapshot) {
                sink.markSnapshot(firstTrade);
            }
        }
        return true;
    }

    /** With the cursor just past a {@code trades} array's opening bracket: each valid trade into the sink. */
    private boolean decodeTrades(JsonCursor c) {
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_OBJECT) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                stats.reject(RejectReason.MISSING_FIELD);
                continue;
            }
            final int tradeStart = c.tokenStart();
            fields.reset(buf);
            int k;
            while ((k = c.next()) == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (v == JsonCursor.ERROR) {
                    return false;
                }
                if (!fields.offer(c, keyStart, keyLength, v) && c.skipChildren(v) == JsonCursor.ERROR) {
                    return false;
                }
            }
            if (k != JsonCursor.END_OBJECT) {
                return false;
            }
            final RejectReason problem = fields.resolve();
            if (problem != null) {
                reject(problem, buf, tradeStart, c.position() - tradeStart);
            } else if (!sink.add(fields)) {
                reject(RejectReason.BAD_FRAME, buf, tradeStart, c.position() - tradeStart);
            }
        }
        return true;
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
