package io.ringtrader.exchange;

import io.ringtrader.event.Rfc3339;

/**
 * Timestamps as Coinbase writes them: RFC 3339 UTC with up to 9 fractional digits and trailing zeros dropped
 * ({@code 2026-08-09T21:05:48.50436Z}, {@code ...:48Z} on a whole second), and the Go {@code time.Time} text of
 * heartbeats' {@code current_time}. Stateless; appends into a caller-owned builder.
 */
public final class CoinbaseTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private CoinbaseTime() {
    }

    /** Appends {@code epochNs} as RFC 3339 with the fraction's trailing zeros dropped. */
    public static void appendRfc3339(StringBuilder sb, long epochNs) {
        Rfc3339.appendSeconds(sb, epochNs);
        sb.setLength(sb.length() - 1);
        appendFraction(sb, Math.floorMod(epochNs, NANOS_PER_SECOND));
        sb.append('Z');
    }

    /** {@link #appendRfc3339} as a new string (off the hot path). */
    public static String rfc3339(long epochNs) {
        final StringBuilder sb = new StringBuilder(32);
        appendRfc3339(sb, epochNs);
        return sb.toString();
    }

    /**
     * Appends Go's {@code time.Time.String()} form used by heartbeats:
     * {@code 2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341}.
     *
     * @param monotonicNs the process's monotonic reading (time since the exchange started)
     */
    public static void appendGoTime(StringBuilder sb, long epochNs, long monotonicNs) {
        final int start = sb.length();
        Rfc3339.appendSeconds(sb, epochNs);
        sb.setLength(sb.length() - 1);
        sb.setCharAt(start + 10, ' ');
        appendFraction(sb, Math.floorMod(epochNs, NANOS_PER_SECOND));
        sb.append(" +0000 UTC m=+").append(monotonicNs / NANOS_PER_SECOND).append('.');
        final long frac = monotonicNs % NANOS_PER_SECOND;
        for (long div = NANOS_PER_SECOND / 10; div > 0; div /= 10) {
            sb.append((char) ('0' + frac / div % 10));
        }
    }

    private static void appendFraction(StringBuilder sb, long nanos) {
        if (nanos == 0) {
            return;
        }
        sb.append('.');
        long div = NANOS_PER_SECOND / 10;
        long rest = nanos;
        while (rest != 0) {
            sb.append((char) ('0' + rest / div));
            rest %= div;
            div /= 10;
        }
    }
}
