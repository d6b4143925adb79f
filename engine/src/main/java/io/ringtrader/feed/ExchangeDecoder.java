package io.ringtrader.feed;

import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.RingPublisher;

/**
 * Decodes Coinbase Exchange feed messages: {@code match}/{@code last_match} to trades ({@code last_match} may
 * predate the connection and is flagged as a snapshot), {@code heartbeat} to time advances and
 * {@code last_trade_id} gap checks, {@code subscriptions} and errors to the {@link FeedControl}; other types are
 * ignored and counted. Allocation-free for trades and heartbeats. Used by the feed's I/O thread only.
 */
final class ExchangeDecoder implements FeedDecoder {
    private static final byte[] TYPE = TradeFields.bytes("type");
    private static final byte[] SEQUENCE = TradeFields.bytes("sequence");
    private static final byte[] LAST_TRADE_ID = TradeFields.bytes("last_trade_id");
    private static final byte[] MESSAGE = TradeFields.bytes("message");
    private static final byte[] REASON = TradeFields.bytes("reason");
    private static final byte[] CHANNELS = TradeFields.bytes("channels");
    private static final byte[] MATCH = TradeFields.bytes("match");
    private static final byte[] LAST_MATCH = TradeFields.bytes("last_match");
    private static final byte[] HEARTBEAT = TradeFields.bytes("heartbeat");
    private static final byte[] SUBSCRIPTIONS = TradeFields.bytes("subscriptions");
    private static final byte[] MATCHES = TradeFields.bytes("matches");
    private static final byte[] ERROR = TradeFields.bytes("error");
    private static final byte[] SNAPSHOT = TradeFields.bytes("snapshot");
    private static final byte[] L2UPDATE = TradeFields.bytes("l2update");
    private static final byte[] BIDS = TradeFields.bytes("bids");
    private static final byte[] ASKS = TradeFields.bytes("asks");
    private static final byte[] CHANGES = TradeFields.bytes("changes");

    private final JsonCursor cursor;
    private final TradeFields fields;
    private final Instruments instruments;
    private final TradeSink sink;
    private final FeedStats stats;
    private final RejectLog rejects;
    private final FeedControl control;
    private final RingPublisher publisher;
    private final Level2Books books;
    private final ExchangeLevel2 level2;
    private final JsonCursor deferred;

    ExchangeDecoder(FeedParts parts) {
        this.cursor = parts.newCursor();
        this.fields = new TradeFields(parts.instruments());
        this.instruments = parts.instruments();
        this.sink = parts.sink();
        this.stats = parts.stats();
        this.rejects = parts.rejects();
        this.control = parts.control();
        this.publisher = parts.publisher();
        this.books = parts.books();
        this.level2 = books == null ? null : new ExchangeLevel2(parts);
        this.deferred = parts.newCursor();
    }

    @Override
    public void connectionStarted() {
        // the Exchange feed's sequence is per product and shared across channels: nothing per connection
        if (books != null) {
            books.invalidateAll(); // every book is rebuilt from the snapshot its subscribe brings
            books.publishTouched(sink.lastExchangeNs(), -1, 0);
        }
    }

    // where the current frame's envelope fields are (offsets into the frame, -1: absent); reset per frame
    private int typeStart;
    private int typeLength;
    private long sequence;
    private long lastTradeId;
    private int messageStart;
    private int messageLength;
    private int reasonStart;
    private int reasonLength;
    private boolean mentionsMatches;
    private int bookId; // a level2 message's product once its levels started applying
    private boolean bookSnapshot;
    private int bidsStart;
    private int bidsEnd;
    private int asksStart;
    private int asksEnd;

    @Override
    public void decode(byte[] buf, int offset, int length, long receivedNs) {
        final JsonCursor c = cursor;
        c.wrap(buf, offset, length);
        int t = c.next();
        if (t != JsonCursor.START_OBJECT) {
            reject(t == JsonCursor.ERROR ? c.error() : RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        fields.reset(buf);
        resetEnvelope();
        t = scanFields(c, buf, receivedNs);
        if (t != JsonCursor.END_OBJECT || c.next() != JsonCursor.END) {
            reject(c.error() != null ? c.error() : RejectReason.MALFORMED_JSON, buf, offset, length);
            if (bookId != Instruments.UNKNOWN) {
                books.invalidate(bookId); // part of its levels may have applied
                control.onBooksLost();
                books.publishTouched(sink.lastExchangeNs(), sequence, receivedNs);
            }
            return;
        }
        dispatch(buf, offset, length, receivedNs);
    }

    /** Forgets the previous frame's envelope fields. */
    private void resetEnvelope() {
        typeStart = -1;
        typeLength = 0;
        sequence = -1;
        lastTradeId = -1;
        messageStart = -1;
        messageLength = 0;
        reasonStart = -1;
        reasonLength = 0;
        mentionsMatches = false;
        bookId = Instruments.UNKNOWN;
        bookSnapshot = false;
        bidsStart = -1;
        bidsEnd = -1;
        asksStart = -1;
        asksEnd = -1;
    }

    /**
     * Scans the message's fields, applying level2 levels in the same pass when type and product came first. Returns
     * the token that ended the scan: END_OBJECT, or another when the frame is broken.
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
            if (fields.offer(c, keyStart, keyLength, v)) {
                continue;
            }
            if (TradeFields.is(buf, keyStart, keyLength, TYPE) && v == JsonCursor.STRING) {
                typeStart = c.tokenStart();
                typeLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, SEQUENCE) && v == JsonCursor.NUMBER) {
                sequence = c.tokenAsNonNegativeLong();
            } else if (TradeFields.is(buf, keyStart, keyLength, LAST_TRADE_ID) && v == JsonCursor.NUMBER) {
                lastTradeId = c.tokenAsNonNegativeLong();
            } else if (TradeFields.is(buf, keyStart, keyLength, MESSAGE) && v == JsonCursor.STRING) {
                messageStart = c.tokenStart();
                messageLength = c.tokenLength();
            } else if (TradeFields.is(buf, keyStart, keyLength, REASON) && v == JsonCursor.STRING) {
                reasonStart = c.tokenStart();
                reasonLength = c.tokenLength();
            } else if (level2 != null && v == JsonCursor.START_ARRAY
                && (TradeFields.is(buf, keyStart, keyLength, BIDS) || TradeFields.is(buf, keyStart, keyLength, ASKS)
                || TradeFields.is(buf, keyStart, keyLength, CHANGES))) {
                final boolean bids = TradeFields.is(buf, keyStart, keyLength, BIDS);
                final boolean changes = TradeFields.is(buf, keyStart, keyLength, CHANGES);
                final int id = bookId != Instruments.UNKNOWN ? bookId : typeStart < 0 || fields.productStart() < 0
                    ? Instruments.UNKNOWN : instruments.idOfProduct(buf, fields.productStart(), fields.productLength());
                final boolean snapshot = typeStart >= 0 && TradeFields.is(buf, typeStart, typeLength, SNAPSHOT);
                final boolean update = typeStart >= 0 && TradeFields.is(buf, typeStart, typeLength, L2UPDATE);
                if (id != Instruments.UNKNOWN && (changes ? update : snapshot)) {
                    // the usual field order (type, product_id, levels): apply in this one pass
                    if (snapshot && bookId == Instruments.UNKNOWN) {
                        books.beginSnapshot(id);
                    }
                    bookId = id;
                    bookSnapshot = snapshot;
                    if (!(changes ? level2.changes(c, id) : level2.snapshotSide(c, id, bids))) {
                        return JsonCursor.FIELD_NAME; // stop at the broken field
                    }
                } else {
                    if (bids || changes) {
                        bidsStart = c.tokenStart();
                    } else {
                        asksStart = c.tokenStart();
                    }
                    if (c.skipChildren(v) == JsonCursor.ERROR) {
                        return JsonCursor.FIELD_NAME; // stop at the broken field
                    }
                    if (bids || changes) {
                        bidsEnd = c.position();
                    } else {
                        asksEnd = c.position();
                    }
                }
            } else if (TradeFields.is(buf, keyStart, keyLength, CHANNELS)) {
                mentionsMatches = scanFor(c, v, MATCHES);
                if (c.error() != null) {
                    return JsonCursor.FIELD_NAME; // stop at the broken field
                }
            } else if (c.skipChildren(v) == JsonCursor.ERROR) {
                return JsonCursor.FIELD_NAME; // stop at the broken field
            }
        }
        return t;
    }

    /** Acts on a well-formed message by its type. */
    private void dispatch(byte[] buf, int offset, int length, long receivedNs) {
        if (typeStart < 0) {
            reject(RejectReason.MISSING_FIELD, buf, offset, length);
            return;
        }
        if (level2 != null && (bookId != Instruments.UNKNOWN || bidsStart >= 0 || asksStart >= 0)) {
            book(buf, offset, length, typeStart, typeLength, bookId, bookSnapshot, bidsStart, bidsEnd, asksStart,
                asksEnd, sequence, receivedNs);
            return;
        }
        final boolean lastMatch = TradeFields.is(buf, typeStart, typeLength, LAST_MATCH);
        if (lastMatch || TradeFields.is(buf, typeStart, typeLength, MATCH)) {
            final RejectReason problem = fields.resolve();
            if (problem != null) {
                reject(problem, buf, offset, length);
                return;
            }
            sink.begin();
            sink.add(fields);
            if (lastMatch) {
                sink.markSnapshot(0);
            }
            sink.publish(sequence, receivedNs);
        } else if (TradeFields.is(buf, typeStart, typeLength, HEARTBEAT)) {
            heartbeat(buf, offset, length, lastTradeId, sequence, receivedNs);
        } else if (TradeFields.is(buf, typeStart, typeLength, SUBSCRIPTIONS)) {
            if (mentionsMatches) {
                control.onSubscribed(0, receivedNs);
            }
        } else if (TradeFields.is(buf, typeStart, typeLength, ERROR)) {
            control.onErrorFrame(AdvancedTradeDecoder.text(buf, messageStart, messageLength) + " "
                + AdvancedTradeDecoder.text(buf, reasonStart, reasonLength));
        } else {
            stats.reject(RejectReason.IGNORED_MESSAGE);
        }
    }

    /** Ends a level2 message: levels not yet applied (product named after them) apply now, then the quote. */
    private void book(byte[] buf, int offset, int length, int typeStart, int typeLength, int appliedId,
                      boolean snapshot, int bidsStart, int bidsEnd, int asksStart, int asksEnd, long sequence,
                      long receivedNs) {
        final boolean isSnapshot = appliedId != Instruments.UNKNOWN ? snapshot
            : TradeFields.is(buf, typeStart, typeLength, SNAPSHOT);
        final boolean isUpdate = !isSnapshot && TradeFields.is(buf, typeStart, typeLength, L2UPDATE);
        int id = appliedId;
        if (id == Instruments.UNKNOWN) {
            id = fields.productStart() < 0 ? Instruments.UNKNOWN
                : instruments.idOfProduct(buf, fields.productStart(), fields.productLength());
            if (!isSnapshot && !isUpdate) {
                stats.reject(RejectReason.IGNORED_MESSAGE);
                return;
            }
            if (id == Instruments.UNKNOWN) {
                reject(fields.productStart() < 0 ? RejectReason.MISSING_FIELD : RejectReason.UNKNOWN_PRODUCT, buf,
                    offset, length);
                return;
            }
            if (isSnapshot) {
                books.beginSnapshot(id);
            }
        }
        if (bidsStart >= 0) {
            deferred.wrap(buf, bidsStart, bidsEnd - bidsStart);
            deferred.next();
            if (isSnapshot) {
                level2.snapshotSide(deferred, id, true);
            } else {
                level2.changes(deferred, id);
            }
        }
        if (asksStart >= 0 && isSnapshot) {
            deferred.wrap(buf, asksStart, asksEnd - asksStart);
            deferred.next();
            level2.snapshotSide(deferred, id, false);
        }
        if (isSnapshot) {
            books.endSnapshot(id);
        }
        if (level2.broken) {
            level2.broken = false;
            control.onBooksLost();
        }
        final long timeNs = fields.time();
        books.publishTouched(timeNs == Rfc3339.INVALID ? sink.lastExchangeNs() : timeNs, sequence, receivedNs);
    }

    private void heartbeat(byte[] buf, int offset, int length, long lastTradeId, long sequence, long receivedNs) {
        // a heartbeat carries product_id and time, which the trade field reader collected
        final long timestampNs = fields.time();
        if (timestampNs == Rfc3339.INVALID || fields.productStart() < 0) {
            reject(timestampNs == Rfc3339.INVALID ? RejectReason.BAD_TIME : RejectReason.MISSING_FIELD, buf, offset,
                length);
            return;
        }
        final int id = instruments.idOfProduct(buf, fields.productStart(), fields.productLength());
        stats.heartbeat();
        sink.advanceTime(timestampNs);
        publisher.publishHeartbeat(timestampNs, sequence, receivedNs);
        if (id != Instruments.UNKNOWN && lastTradeId >= 0) {
            sink.lastTradeId(id, lastTradeId, timestampNs, receivedNs);
        }
    }

    /** Reads the value just started by {@code token}, returning whether a string equal to {@code name} is in it. */
    private static boolean scanFor(JsonCursor c, int token, byte[] name) {
        if (token != JsonCursor.START_OBJECT && token != JsonCursor.START_ARRAY) {
            return token == JsonCursor.STRING && c.tokenEquals(name);
        }
        boolean found = false;
        int depth = 1;
        while (depth > 0) {
            final int t = c.next();
            if (t == JsonCursor.ERROR) {
                return false;
            }
            if (t == JsonCursor.START_OBJECT || t == JsonCursor.START_ARRAY) {
                depth++;
            } else if (t == JsonCursor.END_OBJECT || t == JsonCursor.END_ARRAY) {
                depth--;
            } else if (t == JsonCursor.STRING && c.tokenEquals(name)) {
                found = true;
            }
        }
        return found;
    }

    private void reject(RejectReason reason, byte[] buf, int offset, int length) {
        rejects.reject(reason, buf, offset, length);
    }
}
