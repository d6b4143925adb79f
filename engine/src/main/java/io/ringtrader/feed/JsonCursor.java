package io.ringtrader.feed;

import io.ringtrader.event.ByteWords;

/**
 * An allocation-free pull tokenizer over one JSON text held in a byte array: it validates the syntax strictly as it
 * goes, bounds nesting depth and string length, and exposes each token as an offset and length into the array (no
 * strings are built). Strings, most of a Coinbase frame's bytes, are scanned eight bytes at a time. Reused for every
 * frame by the feed's I/O thread; not thread-safe.
 */
final class JsonCursor {
    static final int ERROR = -1;
    static final int END = 0;
    static final int START_OBJECT = 1;
    static final int END_OBJECT = 2;
    static final int START_ARRAY = 3;
    static final int END_ARRAY = 4;
    static final int FIELD_NAME = 5;
    static final int STRING = 6;
    static final int NUMBER = 7;
    static final int TRUE = 8;
    static final int FALSE = 9;
    static final int NULL = 10;

    private static final int EXPECT_VALUE = 0;
    private static final int EXPECT_VALUE_OR_CLOSE = 1;
    private static final int EXPECT_KEY = 2;
    private static final int EXPECT_KEY_OR_CLOSE = 3;
    private static final int EXPECT_COMMA_OR_CLOSE = 4;
    private static final int EXPECT_DONE = 5;
    private static final int MAX_NUMBER_BYTES = 64;
    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private final boolean[] inObject;
    private final int maxStringBytes;
    private byte[] buf;
    private int pos;
    private int end;
    private int depth;
    private int expect;
    private int tokenStart;
    private int tokenLength;
    private boolean tokenEscaped;
    private RejectReason error;

    /** A cursor that rejects nesting deeper than {@code maxDepth} and strings longer than {@code maxStringBytes}. */
    JsonCursor(int maxDepth, int maxStringBytes) {
        this.inObject = new boolean[maxDepth];
        this.maxStringBytes = maxStringBytes;
    }

    /** Starts reading the JSON text {@code buf[offset, offset + length)}. */
    void wrap(byte[] bytes, int offset, int length) {
        buf = bytes;
        pos = offset;
        end = offset + length;
        depth = 0;
        expect = EXPECT_VALUE;
        error = null;
        tokenStart = offset;
        tokenLength = 0;
    }

    /** The next token; {@link #END} after the root value (and nothing but white space), {@link #ERROR} on bad input. */
    int next() {
        if (error != null) {
            return ERROR;
        }
        skipWhitespace();
        if (pos >= end) {
            return expect == EXPECT_DONE ? END : fail(RejectReason.TRUNCATED_JSON);
        }
        final byte c = buf[pos];
        switch (expect) {
            case EXPECT_COMMA_OR_CLOSE: // the most common state: after a value
                final boolean object = inObject[depth - 1];
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                    if (pos >= end) {
                        return fail(RejectReason.TRUNCATED_JSON);
                    }
                    return object ? readKey(buf[pos]) : readValue(buf[pos]);
                }
                if (c == '}' && object) {
                    return close(END_OBJECT);
                }
                if (c == ']' && !object) {
                    return close(END_ARRAY);
                }
                return fail(RejectReason.MALFORMED_JSON);
            case EXPECT_VALUE:
                return readValue(c);
            case EXPECT_KEY_OR_CLOSE:
                return c == '}' ? close(END_OBJECT) : readKey(c);
            case EXPECT_VALUE_OR_CLOSE:
                return c == ']' ? close(END_ARRAY) : readValue(c);
            case EXPECT_KEY:
                return readKey(c);
            default: // EXPECT_DONE: only white space may follow the root value
                return fail(RejectReason.MALFORMED_JSON);
        }
    }

    /** After {@link #START_OBJECT} or {@link #START_ARRAY}: skips to the matching close; else does nothing. */
    int skipChildren(int token) {
        if (token != START_OBJECT && token != START_ARRAY) {
            return token;
        }
        final int target = depth - 1;
        while (depth > target) {
            final int t = next();
            if (t == ERROR) {
                return ERROR;
            }
        }
        return token == START_OBJECT ? END_OBJECT : END_ARRAY;
    }

    /** Why the last {@link #ERROR} happened. */
    RejectReason error() {
        return error;
    }

    byte[] buffer() {
        return buf;
    }

    /** Offset of the current string's content (after the quote), number, literal, or opening bracket. */
    int tokenStart() {
        return tokenStart;
    }

    int tokenLength() {
        return tokenLength;
    }

    /** True when the current string holds a backslash escape (its raw bytes are not its value). */
    boolean tokenEscaped() {
        return tokenEscaped;
    }

    /** Offset just past the last token read (after a close bracket: the end of the container). */
    int position() {
        return pos;
    }

    /** True when the current token's raw bytes equal {@code expected}. */
    boolean tokenEquals(byte[] expected) {
        if (tokenLength != expected.length) {
            return false;
        }
        for (int i = 0; i < tokenLength; i++) {
            if (buf[tokenStart + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The current token as a non-negative decimal integer (a NUMBER or an all-digit STRING), or -1. */
    long tokenAsNonNegativeLong() {
        if (tokenLength == 0 || tokenLength > 18 || tokenEscaped) {
            return -1;
        }
        long value = 0;
        for (int i = tokenStart; i < tokenStart + tokenLength; i++) {
            final int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private int readKey(byte c) {
        if (c != '"') {
            return fail(RejectReason.MALFORMED_JSON);
        }
        if (!readString()) {
            return ERROR;
        }
        if (pos < end && buf[pos] == ':') { // compact JSON: the colon follows at once
            pos++;
            expect = EXPECT_VALUE;
            return FIELD_NAME;
        }
        skipWhitespace();
        if (pos >= end) {
            return fail(RejectReason.TRUNCATED_JSON);
        }
        if (buf[pos] != ':') {
            return fail(RejectReason.MALFORMED_JSON);
        }
        pos++;
        expect = EXPECT_VALUE;
        return FIELD_NAME;
    }

    private int readValue(byte c) {
        if (c == '"') { // the most common value in Coinbase frames
            if (!readString()) {
                return ERROR;
            }
            expect = depth == 0 ? EXPECT_DONE : EXPECT_COMMA_OR_CLOSE;
            return STRING;
        }
        if (c == '{' || c == '[') {
            if (depth == inObject.length) {
                return fail(RejectReason.TOO_DEEP);
            }
            inObject[depth++] = c == '{';
            tokenStart = pos;
            tokenLength = 1;
            pos++;
            expect = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
            return c == '{' ? START_OBJECT : START_ARRAY;
        }
        final int token;
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (!readNumber()) {
                return ERROR;
            }
            token = NUMBER;
        } else if (c == 't') {
            token = literal(TRUE_BYTES, TRUE);
        } else if (c == 'f') {
            token = literal(FALSE_BYTES, FALSE);
        } else if (c == 'n') {
            token = literal(NULL_BYTES, NULL);
        } else {
            return fail(RejectReason.MALFORMED_JSON);
        }
        if (token != ERROR) {
            expect = depth == 0 ? EXPECT_DONE : EXPECT_COMMA_OR_CLOSE;
        }
        return token;
    }

    private int close(int token) {
        depth--;
        tokenStart = pos;
        tokenLength = 1;
        pos++;
        expect = depth == 0 ? EXPECT_DONE : EXPECT_COMMA_OR_CLOSE;
        return token;
    }

    private boolean readString() {
        final byte[] b = buf;
        final int e = end;
        final int start = pos + 1;
        int p = start;
        tokenEscaped = false;
        while (true) {
            if (p + Long.BYTES <= e) {
                final long flags = specials(ByteWords.longAt(b, p));
                if (flags == 0) {
                    p += Long.BYTES;
                    continue;
                }
                p += Long.numberOfTrailingZeros(flags) >>> 3; // the first special byte: the lowest flag is exact
            } else if (p >= e) {
                pos = p;
                fail(RejectReason.TRUNCATED_JSON);
                return false;
            }
            final int c = b[p] & 0xFF;
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                tokenEscaped = true;
                p += 2;
            } else if (c < 0x20) {
                pos = p;
                fail(RejectReason.MALFORMED_JSON);
                return false;
            } else {
                p++;
            }
        }
        if (p - start > maxStringBytes) {
            pos = p;
            fail(RejectReason.STRING_TOO_LONG);
            return false;
        }
        tokenStart = start;
        tokenLength = p - start;
        pos = p + 1;
        return true;
    }

    /**
     * The high bit of each of the eight bytes of {@code w} that ends or escapes a string or is a control character,
     * little-endian (SWAR: a byte equal to '"' or '\\' becomes zero after the xor, and a zero or control byte
     * borrows into its high bit; bytes of 0x80 and up, UTF-8, never flag). A borrow can also flag bytes after a
     * flagged one, never before it, so the lowest flag is exact.
     */
    private static long specials(long w) {
        final long quote = w ^ QUOTES;
        final long backslash = w ^ BACKSLASHES;
        return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - SPACES) & ~w)) & HIGHS;
    }

    private boolean readNumber() {
        final int start = pos;
        if (buf[pos] == '-') {
            pos++;
        }
        if (!digits(true)) {
            return false;
        }
        if (pos < end && buf[pos] == '.') {
            pos++;
            if (!digits(false)) {
                return false;
            }
        }
        if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) {
            pos++;
            if (pos < end && (buf[pos] == '+' || buf[pos] == '-')) {
                pos++;
            }
            if (!digits(false)) {
                return false;
            }
        }
        if (pos - start > MAX_NUMBER_BYTES) {
            fail(RejectReason.STRING_TOO_LONG);
            return false;
        }
        tokenStart = start;
        tokenLength = pos - start;
        tokenEscaped = false;
        return true;
    }

    private boolean digits(boolean integerPart) {
        final int start = pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            fail(pos >= end ? RejectReason.TRUNCATED_JSON : RejectReason.MALFORMED_JSON);
            return false;
        }
        if (integerPart && buf[start] == '0' && pos - start > 1) {
            fail(RejectReason.MALFORMED_JSON);
            return false;
        }
        return true;
    }

    private int literal(byte[] text, int token) {
        for (int i = 0; i < text.length; i++) {
            if (pos + i >= end) {
                return fail(RejectReason.TRUNCATED_JSON);
            }
            if (buf[pos + i] != text[i]) {
                return fail(RejectReason.MALFORMED_JSON);
            }
        }
        tokenStart = pos;
        tokenLength = text.length;
        pos += text.length;
        return token;
    }

    private void skipWhitespace() {
        if (pos < end && buf[pos] > ' ') {
            return; // the usual case: compact JSON has no white space between tokens
        }
        while (pos < end) {
            final byte b = buf[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private int fail(RejectReason reason) {
        error = reason;
        return ERROR;
    }
}
