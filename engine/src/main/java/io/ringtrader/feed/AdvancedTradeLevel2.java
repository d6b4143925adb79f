package io.ringtrader.feed;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;

/**
 * Reads the {@code events} of an Advanced Trade {@code l2_data} frame into the {@link Level2Books}:
 * {@code [{"type":"snapshot"|"update","product_id":"BTC-USD","updates":[{"side":"bid"|"offer","event_time":...,
 * "price_level":"65083.66","new_quantity":"0.2"}, ...]}]}. Quantities are absolute, 0 deletes a level. Levels
 * are applied straight from the frame bytes (no string or object per level), so a 5 MB snapshot of 46,000 levels
 * costs one pass over its bytes plus one sort. A level that does not parse breaks that product's book (it is
 * discarded until a fresh snapshot). Used by the feed's I/O thread only.
 */
final class AdvancedTradeLevel2 {
    private static final byte[] TYPE = TradeFields.bytes("type");
    private static final byte[] PRODUCT_ID = TradeFields.bytes("product_id");
    private static final byte[] UPDATES = TradeFields.bytes("updates");
    private static final byte[] SNAPSHOT = TradeFields.bytes("snapshot");
    private static final byte[] SIDE = TradeFields.bytes("side");
    private static final byte[] PRICE_LEVEL = TradeFields.bytes("price_level");
    private static final byte[] NEW_QUANTITY = TradeFields.bytes("new_quantity");
    private static final byte[] BID = TradeFields.bytes("bid");
    private static final byte[] BUY = TradeFields.bytes("buy");
    private static final byte[] OFFER = TradeFields.bytes("offer");
    private static final byte[] ASK = TradeFields.bytes("ask");
    private static final byte[] SELL = TradeFields.bytes("sell");

    private final Instruments instruments;
    private final Level2Books books;
    private final RejectLog rejects;
    private final JsonCursor deferred;
    /** Set when a level failed to parse: the caller asks for fresh snapshots. */
    boolean broken;

    AdvancedTradeLevel2(FeedParts parts) {
        this.instruments = parts.instruments();
        this.books = parts.books();
        this.rejects = parts.rejects();
        this.deferred = parts.newCursor();
    }

    /** With {@code c} just past the {@code events} array's opening bracket; false on a syntax error. */
    boolean decodeEvents(JsonCursor c) {
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_OBJECT) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                rejects.reject(RejectReason.MISSING_FIELD, buf, c.tokenStart(), c.tokenLength());
                continue;
            }
            final int eventStart = c.tokenStart();
            int type = -1; // 1 snapshot, 0 update
            int id = Instruments.UNKNOWN;
            boolean product = false;
            boolean applied = false;
            int updatesStart = -1;
            int updatesEnd = -1;
            int k;
            while ((k = c.next()) == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (v == JsonCursor.ERROR) {
                    return false;
                }
                if (TradeFields.is(buf, keyStart, keyLength, TYPE) && v == JsonCursor.STRING) {
                    type = c.tokenEquals(SNAPSHOT) ? 1 : 0;
                } else if (TradeFields.is(buf, keyStart, keyLength, PRODUCT_ID) && v == JsonCursor.STRING) {
                    product = true;
                    id = c.tokenEscaped() ? Instruments.UNKNOWN
                        : instruments.idOfProduct(buf, c.tokenStart(), c.tokenLength());
                } else if (TradeFields.is(buf, keyStart, keyLength, UPDATES) && v == JsonCursor.START_ARRAY) {
                    if (type >= 0 && product && id != Instruments.UNKNOWN) {
                        applied = true; // the usual field order: apply in this one pass
                        if (!apply(c, id, type == 1)) {
                            return false;
                        }
                    } else {
                        updatesStart = c.tokenStart();
                        if (c.skipChildren(v) == JsonCursor.ERROR) {
                            return false;
                        }
                        updatesEnd = c.position();
                    }
                } else if (c.skipChildren(v) == JsonCursor.ERROR) {
                    return false;
                }
            }
            if (k != JsonCursor.END_OBJECT) {
                return false;
            }
            if (applied) {
                continue;
            }
            if (product && id == Instruments.UNKNOWN) {
                rejects.reject(RejectReason.UNKNOWN_PRODUCT, buf, eventStart, c.position() - eventStart);
            } else if (type < 0 || updatesStart < 0 || !product) {
                rejects.reject(RejectReason.MISSING_FIELD, buf, eventStart, c.position() - eventStart);
            } else {
                final JsonCursor d = deferred;
                d.wrap(buf, updatesStart, updatesEnd - updatesStart);
                d.next();
                apply(d, id, type == 1);
            }
        }
        return true;
    }

    /** With the cursor just past an {@code updates} array's bracket: every level into {@code id}'s book. */
    private boolean apply(JsonCursor c, int id, boolean snapshot) {
        if (snapshot) {
            books.beginSnapshot(id);
        }
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_OBJECT) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                broken(id, RejectReason.MISSING_FIELD, buf, c.tokenStart(), c.tokenLength());
                continue;
            }
            final int levelStart = c.tokenStart();
            int side = -1; // 1 bid, 0 ask
            long price = FixedPoint.INVALID;
            long size = FixedPoint.INVALID;
            int k;
            while ((k = c.next()) == JsonCursor.FIELD_NAME) {
                final int keyStart = c.tokenStart();
                final int keyLength = c.tokenLength();
                final int v = c.next();
                if (v == JsonCursor.ERROR) {
                    return false;
                }
                if (v == JsonCursor.STRING && TradeFields.is(buf, keyStart, keyLength, PRICE_LEVEL)) {
                    price = FixedPoint.parse(buf, c.tokenStart(), c.tokenLength());
                } else if (v == JsonCursor.STRING && TradeFields.is(buf, keyStart, keyLength, NEW_QUANTITY)) {
                    size = FixedPoint.parse(buf, c.tokenStart(), c.tokenLength());
                } else if (v == JsonCursor.STRING && TradeFields.is(buf, keyStart, keyLength, SIDE)) {
                    side = sideOf(buf, c.tokenStart(), c.tokenLength());
                } else if (c.skipChildren(v) == JsonCursor.ERROR) {
                    return false;
                }
            }
            if (k != JsonCursor.END_OBJECT) {
                return false;
            }
            if (side < 0) {
                broken(id, RejectReason.MISSING_FIELD, buf, levelStart, c.position() - levelStart);
            } else if (price == FixedPoint.INVALID || price <= 0) {
                broken(id, RejectReason.BAD_PRICE, buf, levelStart, c.position() - levelStart);
            } else if (size == FixedPoint.INVALID || size < 0) {
                broken(id, RejectReason.BAD_SIZE, buf, levelStart, c.position() - levelStart);
            } else if (snapshot) {
                books.snapshotLevel(id, side == 1, price, size);
            } else {
                books.update(id, side == 1, price, size);
            }
        }
        if (snapshot) {
            books.endSnapshot(id);
        }
        return true;
    }

    private void broken(int id, RejectReason reason, byte[] buf, int start, int length) {
        rejects.reject(reason, buf, start, length);
        broken = true;
        books.invalidate(id);
    }

    /** {@code bid}/{@code buy} -> 1, {@code offer}/{@code ask}/{@code sell} -> 0, else -1. */
    static int sideOf(byte[] b, int start, int length) {
        if (TradeFields.is(b, start, length, BID) || TradeFields.is(b, start, length, BUY)) {
            return 1;
        }
        if (TradeFields.is(b, start, length, OFFER) || TradeFields.is(b, start, length, SELL)
            || TradeFields.is(b, start, length, ASK)) {
            return 0;
        }
        return -1;
    }
}
