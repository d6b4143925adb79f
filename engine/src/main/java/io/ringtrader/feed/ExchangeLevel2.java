package io.ringtrader.feed;

import io.ringtrader.event.FixedPoint;

/**
 * Reads the level arrays of Coinbase Exchange {@code level2} messages into the {@link Level2Books}: a
 * {@code snapshot}'s {@code bids} and {@code asks} ({@code [["price","size"], ...]}) and an {@code l2update}'s
 * {@code changes} ({@code [["buy"|"sell","price","size"], ...]}, absolute sizes, 0 deletes). Straight from the
 * frame bytes, nothing allocated per level. A level that does not parse breaks the product's book (discarded
 * until its next snapshot). Used by the feed's I/O thread only.
 */
final class ExchangeLevel2 {
    /** A syntax error inside a level array (a value that is not a decimal string parses as INVALID). */
    private static final long ERROR = Long.MIN_VALUE + 1;
    /** The level array ended before this value. */
    private static final long MISSING = Long.MIN_VALUE + 2;

    private final Level2Books books;
    private final RejectLog rejects;
    /** Set when a level failed to parse: the caller asks for fresh snapshots. */
    boolean broken;

    ExchangeLevel2(FeedParts parts) {
        this.books = parts.books();
        this.rejects = parts.rejects();
    }

    /** With {@code c} just past a snapshot side's bracket: each {@code [price, size, ...]} into the snapshot. */
    boolean snapshotSide(JsonCursor c, int id, boolean bid) {
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_ARRAY) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                broken(id, RejectReason.MISSING_FIELD, buf, c.tokenStart(), c.tokenLength());
                continue;
            }
            final int start = c.tokenStart();
            final long price = decimal(c);
            if (price == ERROR) {
                return false;
            }
            final long size = price == MISSING ? MISSING : decimal(c);
            if (size == ERROR || (size != MISSING && !toEnd(c))) {
                return false;
            }
            if (valid(id, price, size, buf, start, c.position() - start)) {
                books.snapshotLevel(id, bid, price, size);
            }
        }
        return true;
    }

    /** With {@code c} just past a {@code changes} bracket: each {@code [side, price, size]} into the book. */
    boolean changes(JsonCursor c, int id) {
        final byte[] buf = c.buffer();
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t != JsonCursor.START_ARRAY) {
                if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                    return false;
                }
                broken(id, RejectReason.MISSING_FIELD, buf, c.tokenStart(), c.tokenLength());
                continue;
            }
            final int start = c.tokenStart();
            final int sd = c.next();
            if (sd == JsonCursor.ERROR || c.skipChildren(sd) == JsonCursor.ERROR) {
                return false;
            }
            final int side = sd == JsonCursor.STRING ? AdvancedTradeLevel2.sideOf(buf, c.tokenStart(),
                c.tokenLength()) : -1;
            if (sd == JsonCursor.END_ARRAY) {
                broken(id, RejectReason.MISSING_FIELD, buf, start, c.position() - start);
                continue;
            }
            final long price = decimal(c);
            if (price == ERROR) {
                return false;
            }
            final long size = price == MISSING ? MISSING : decimal(c);
            if (size == ERROR || (size != MISSING && !toEnd(c))) {
                return false;
            }
            if (side < 0) {
                broken(id, RejectReason.MISSING_FIELD, buf, start, c.position() - start);
            } else if (valid(id, price, size, buf, start, c.position() - start)) {
                books.update(id, side == 1, price, size);
            }
        }
        return true;
    }

    /** The next value of a level array as a decimal string, {@link #ERROR} on a syntax error, {@link #MISSING}. */
    private static long decimal(JsonCursor c) {
        final int t = c.next();
        if (t == JsonCursor.ERROR) {
            return ERROR;
        }
        if (t == JsonCursor.END_ARRAY) {
            return MISSING;
        }
        if (t == JsonCursor.STRING) {
            return FixedPoint.parse(c.buffer(), c.tokenStart(), c.tokenLength());
        }
        return c.skipChildren(t) == JsonCursor.ERROR ? ERROR : FixedPoint.INVALID;
    }

    /** Consumes the rest of a level array (e.g. a third field, the order count: ignored). */
    private static boolean toEnd(JsonCursor c) {
        int t;
        while ((t = c.next()) != JsonCursor.END_ARRAY) {
            if (t == JsonCursor.ERROR || c.skipChildren(t) == JsonCursor.ERROR) {
                return false;
            }
        }
        return true;
    }

    private boolean valid(int id, long price, long size, byte[] buf, int start, int length) {
        if (price == FixedPoint.INVALID || price == MISSING || price <= 0) {
            broken(id, RejectReason.BAD_PRICE, buf, start, length);
            return false;
        }
        if (size == FixedPoint.INVALID || size == MISSING || size < 0) {
            broken(id, RejectReason.BAD_SIZE, buf, start, length);
            return false;
        }
        return true;
    }

    private void broken(int id, RejectReason reason, byte[] buf, int start, int length) {
        rejects.reject(reason, buf, start, length);
        broken = true;
        books.invalidate(id);
    }
}
