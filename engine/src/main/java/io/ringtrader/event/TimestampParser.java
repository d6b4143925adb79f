package io.ringtrader.event;

/**
 * {@link Rfc3339#parse} for a stream of timestamps: remembers the first 16 bytes (date, hour and minute:
 * {@code 2026-08-09T21:05}) of the last valid one, so a timestamp in the same minute (nearly every frame of a feed)
 * reads only its seconds and fraction. Gives exactly what {@link Rfc3339#parse} gives. One instance per thread (the
 * feed's I/O thread); not thread-safe.
 */
public final class TimestampParser {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private long prefixHigh;
    private long prefixLow;
    private long minuteNs = Rfc3339.INVALID;

    /** Epoch nanoseconds of ASCII {@code buf[offset, offset + length)}, or {@link Rfc3339#INVALID}. */
    public long parse(byte[] buf, int offset, int length) {
        if (length < 20 || length > 40) {
            return Rfc3339.INVALID;
        }
        final long high = ByteWords.longAt(buf, offset);
        final long low = ByteWords.longAt(buf, offset + 8);
        if (minuteNs != Rfc3339.INVALID && high == prefixHigh && low == prefixLow) {
            final long within = Rfc3339.withinMinute(buf, offset, length);
            return within == Rfc3339.INVALID ? Rfc3339.INVALID : minuteNs + within;
        }
        final long ns = Rfc3339.parse(buf, offset, length);
        if (ns != Rfc3339.INVALID) {
            prefixHigh = high;
            prefixLow = low;
            minuteNs = ns - ns % NANOS_PER_MINUTE; // years from 1970 only: ns is never negative
        }
        return ns;
    }
}
