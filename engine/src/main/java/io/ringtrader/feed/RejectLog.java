package io.ringtrader.feed;

import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Counts rejections by reason and logs them at a bounded rate (at most one line per reason per interval, saying
 * how many were suppressed), with the offending wire text escaped so it cannot forge log lines. Used by the feed's
 * I/O thread only.
 */
final class RejectLog {
    static final Logger LOG = LogManager.getLogger("io.ringtrader.feed");
    private static final int MAX_EXCERPT = 160;

    private final FeedStats stats;
    private final LongSupplier nanoClock;
    private final long intervalNs;
    private final long[] nextLogNs = new long[RejectReason.values().length];
    private final long[] suppressed = new long[RejectReason.values().length];
    private long linesLogged;

    RejectLog(FeedStats stats, LongSupplier nanoClock, long intervalNs) {
        this.stats = stats;
        this.nanoClock = nanoClock;
        this.intervalNs = intervalNs;
        final long now = nanoClock.getAsLong();
        for (int i = 0; i < nextLogNs.length; i++) {
            nextLogNs[i] = now;
        }
    }

    /** Counts a rejection; logs it with an excerpt of {@code buf[offset, offset + length)} if the rate allows. */
    void reject(RejectReason reason, byte[] buf, int offset, int length) {
        stats.reject(reason);
        if (!reason.logged()) {
            return;
        }
        final int i = reason.ordinal();
        final long now = nanoClock.getAsLong();
        if (now - nextLogNs[i] < 0) {
            suppressed[i]++;
            return;
        }
        nextLogNs[i] = now + intervalNs;
        LOG.warn("rejected frame: {} ({} similar suppressed): {}", reason, suppressed[i],
            escape(buf, offset, length));
        suppressed[i] = 0;
        linesLogged++;
    }

    /** Log lines written so far (the rest were suppressed by the rate limit). */
    long linesLogged() {
        return linesLogged;
    }

    /**
     * Printable text of wire bytes for a log line: line breaks and control characters escaped, {@code ${} defused,
     * cut to a bounded length.
     */
    static String escape(byte[] buf, int offset, int length) {
        final int n = Math.max(0, Math.min(length, MAX_EXCERPT));
        final StringBuilder sb = new StringBuilder(n + 16);
        for (int i = offset; i < offset + n; i++) {
            appendEscaped(sb, (char) (buf[i] & 0xFF), i + 1 < offset + n ? (char) (buf[i + 1] & 0xFF) : 0);
        }
        if (length > n) {
            sb.append("...(").append(length).append(" bytes)");
        }
        return sb.toString();
    }

    /** {@link #escape(byte[], int, int)} for a string. */
    static String escape(CharSequence text) {
        final int n = Math.min(text.length(), MAX_EXCERPT);
        final StringBuilder sb = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            appendEscaped(sb, text.charAt(i), i + 1 < n ? text.charAt(i + 1) : 0);
        }
        if (text.length() > n) {
            sb.append("...(").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, char c, char nextChar) {
        if (c == '\n') {
            sb.append("\\n");
        } else if (c == '\r') {
            sb.append("\\r");
        } else if (c < 0x20 || c == 0x7F) {
            sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
        } else if (c == '$' && nextChar == '{') {
            sb.append("$\\"); // "${" never reaches a layout that might interpret it
        } else {
            sb.append(c);
        }
    }
}
