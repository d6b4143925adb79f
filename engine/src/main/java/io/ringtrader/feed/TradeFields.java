package io.ringtrader.feed;

import io.ringtrader.event.ByteWords;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.event.TimestampParser;
import java.nio.charset.StandardCharsets;

/**
 * The fields of one trade object as the cursor meets them (any order), then validated into primitives: both
 * Coinbase protocols name trade fields alike. Reused per trade by the feed's I/O thread; not thread-safe.
 */
final class TradeFields {
    static final byte[] TRADE_ID = bytes("trade_id");
    static final byte[] PRODUCT_ID = bytes("product_id");
    static final byte[] PRICE = bytes("price");
    static final byte[] SIZE = bytes("size");
    static final byte[] SIDE = bytes("side");
    static final byte[] TIME = bytes("time");
    private static final int F_TRADE_ID = 1;
    private static final int F_PRODUCT = 2;
    private static final int F_PRICE = 4;
    private static final int F_SIZE = 8;
    private static final int F_TIME = 16;
    private static final int F_SIDE = 32;
    /** Times past 2200 are corrupt (and Rfc3339 overflows a long beyond 2262). */
    private static final long MAX_TIME_NS = Rfc3339.parse("2200-01-01T00:00:00Z");
    private static final int REQUIRED = F_TRADE_ID | F_PRODUCT | F_PRICE | F_SIZE | F_TIME;

    private final Instruments instruments;
    private final TimestampParser times = new TimestampParser();
    private int seen;
    private boolean duplicateKey;
    private boolean wrongType;
    private int idStart;
    private int idLength;
    private int productStart;
    private int productLength;
    private int priceStart;
    private int priceLength;
    private int sizeStart;
    private int sizeLength;
    private int timeStart;
    private int timeLength;
    private byte sideValue;
    private byte[] buf;

    // results of resolve()
    int instrumentId;
    long tradeId;
    long priceE8;
    long sizeE8;
    long timeNs;
    byte side;

    TradeFields(Instruments instruments) {
        this.instruments = instruments;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    void reset(byte[] buffer) {
        buf = buffer;
        seen = 0;
        duplicateKey = false;
        wrongType = false;
        sideValue = Side.UNKNOWN;
    }

    /**
     * Offers the value just read for the key {@code key}; returns false if the key is not a trade field (the caller
     * skips the value).
     */
    boolean offer(JsonCursor c, int keyStart, int keyLength, int token) {
        final byte[] b = c.buffer();
        if (is(b, keyStart, keyLength, TRADE_ID)) {
            mark(F_TRADE_ID, token == JsonCursor.STRING || token == JsonCursor.NUMBER);
            idStart = c.tokenStart();
            idLength = c.tokenEscaped() ? -1 : c.tokenLength();
        } else if (is(b, keyStart, keyLength, PRODUCT_ID)) {
            mark(F_PRODUCT, token == JsonCursor.STRING);
            productStart = c.tokenStart();
            productLength = c.tokenEscaped() ? -1 : c.tokenLength();
        } else if (is(b, keyStart, keyLength, PRICE)) {
            mark(F_PRICE, token == JsonCursor.STRING || token == JsonCursor.NUMBER);
            priceStart = c.tokenStart();
            priceLength = c.tokenLength();
        } else if (is(b, keyStart, keyLength, SIZE)) {
            mark(F_SIZE, token == JsonCursor.STRING || token == JsonCursor.NUMBER);
            sizeStart = c.tokenStart();
            sizeLength = c.tokenLength();
        } else if (is(b, keyStart, keyLength, TIME)) {
            mark(F_TIME, token == JsonCursor.STRING);
            timeStart = c.tokenStart();
            timeLength = c.tokenLength();
        } else if (is(b, keyStart, keyLength, SIDE)) {
            mark(F_SIDE, true);
            sideValue = token == JsonCursor.STRING ? side(b, c.tokenStart(), c.tokenLength()) : Side.UNKNOWN;
        } else {
            return false;
        }
        return true;
    }

    /** Validates what was offered; null when the trade is good (results in the public fields). */
    RejectReason resolve() {
        if (duplicateKey) {
            return RejectReason.MALFORMED_JSON;
        }
        if ((seen & REQUIRED) != REQUIRED || wrongType) {
            return RejectReason.MISSING_FIELD;
        }
        tradeId = idLength < 0 ? -1 : parseId(buf, idStart, idLength);
        if (tradeId < 0) {
            return RejectReason.BAD_TRADE_ID;
        }
        instrumentId = productLength < 0 ? Instruments.UNKNOWN
            : instruments.idOfProduct(buf, productStart, productLength);
        if (instrumentId == Instruments.UNKNOWN) {
            return RejectReason.UNKNOWN_PRODUCT;
        }
        priceE8 = FixedPoint.parse(buf, priceStart, priceLength);
        if (priceE8 == FixedPoint.INVALID || priceE8 <= 0) {
            return RejectReason.BAD_PRICE;
        }
        sizeE8 = FixedPoint.parse(buf, sizeStart, sizeLength);
        if (sizeE8 == FixedPoint.INVALID || sizeE8 <= 0) {
            return RejectReason.BAD_SIZE;
        }
        timeNs = parseTime(buf, timeStart, timeLength);
        if (timeNs == Rfc3339.INVALID) {
            return RejectReason.BAD_TIME;
        }
        side = sideValue;
        return null;
    }

    /** The offered {@code time} as epoch ns, or {@link Rfc3339#INVALID} (heartbeats carry no trade fields). */
    long time() {
        return (seen & F_TIME) == 0 ? Rfc3339.INVALID : parseTime(buf, timeStart, timeLength);
    }

    /** Product id bytes offered (for error messages): start offset, or -1. */
    int productStart() {
        return (seen & F_PRODUCT) != 0 && productLength >= 0 ? productStart : -1;
    }

    int productLength() {
        return productLength;
    }

    private void mark(int field, boolean typeOk) {
        if ((seen & field) != 0) {
            duplicateKey = true;
        }
        seen |= field;
        if (!typeOk) {
            wrongType = true;
        }
    }

    /** An RFC 3339 time as epoch ns within 1970..2200, else {@link Rfc3339#INVALID}. */
    long parseTime(byte[] b, int start, int length) {
        final long ns = times.parse(b, start, length);
        return ns <= 0 || ns >= MAX_TIME_NS ? Rfc3339.INVALID : ns;
    }

    /** A non-negative decimal integer of at most 18 digits, or -1. */
    static long parseId(byte[] b, int start, int length) {
        if (length <= 0 || length > 18) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < start + length; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** True when {@code b[start, start + length)} equals {@code expected}. */
    static boolean is(byte[] b, int start, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        if (length >= Long.BYTES) { // keys and values of 8 bytes and more: whole words, the last one overlapping
            for (int i = 0; i < length - Long.BYTES; i += Long.BYTES) {
                if (ByteWords.longAt(b, start + i) != ByteWords.longAt(expected, i)) {
                    return false;
                }
            }
            return ByteWords.longAt(b, start + length - Long.BYTES) == ByteWords.longAt(expected, length - Long.BYTES);
        }
        if (length >= Integer.BYTES) {
            final int last = length - Integer.BYTES;
            return ByteWords.intAt(b, start) == ByteWords.intAt(expected, 0)
                && ByteWords.intAt(b, start + last) == ByteWords.intAt(expected, last);
        }
        for (int i = 0; i < length; i++) {
            if (b[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte side(byte[] b, int start, int length) {
        if (length == 3 && (b[start] | 0x20) == 'b' && (b[start + 1] | 0x20) == 'u' && (b[start + 2] | 0x20) == 'y') {
            return Side.BUY;
        }
        if (length == 4 && (b[start] | 0x20) == 's' && (b[start + 1] | 0x20) == 'e' && (b[start + 2] | 0x20) == 'l'
            && (b[start + 3] | 0x20) == 'l') {
            return Side.SELL;
        }
        return Side.UNKNOWN;
    }
}
