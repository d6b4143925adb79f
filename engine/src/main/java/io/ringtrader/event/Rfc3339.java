package io.ringtrader.event;

/**
 * RFC 3339 UTC timestamps ({@code 2026-08-09T21:05:48.167634Z}, 0 to 9 fractional digits) to and from epoch
 * nanoseconds, without allocation on the parsing side. Also accepts a {@code +00:00} offset and, for Coinbase
 * heartbeats, a space instead of {@code T}.
 */
public final class Rfc3339 {
    /** Returned by {@link #parse} for text that is not a valid timestamp. */
    public static final long INVALID = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Rfc3339() {
    }

    /** Parses ASCII {@code buf[offset, offset + length)} to epoch nanoseconds, or {@link #INVALID}. */
    public static long parse(byte[] buf, int offset, int length) {
        if (length < 20 || length > 40) {
            return INVALID;
        }
        final int year = digits(buf, offset, 4);
        final int month = digits(buf, offset + 5, 2);
        final int day = digits(buf, offset + 8, 2);
        final int hour = digits(buf, offset + 11, 2);
        final int minute = digits(buf, offset + 14, 2);
        if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
            || hour > 23 || minute > 59
            || buf[offset + 4] != '-' || buf[offset + 7] != '-' || buf[offset + 13] != ':'
            || (buf[offset + 10] != 'T' && buf[offset + 10] != 't' && buf[offset + 10] != ' ')) {
            return INVALID;
        }
        final long withinMinute = withinMinute(buf, offset, length);
        if (withinMinute == INVALID) {
            return INVALID;
        }
        final long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60 * NANOS_PER_SECOND + withinMinute;
    }

    /**
     * The nanoseconds within the minute of a timestamp of {@code length} 20 to 40 whose first 16 bytes (up to the
     * minute) the caller has checked: {@code :ss}, optional fraction, {@code Z} or {@code +00:00}; or
     * {@link #INVALID}.
     */
    static long withinMinute(byte[] buf, int offset, int length) {
        final int second = digits(buf, offset + 17, 2);
        if (second < 0 || second > 59 || buf[offset + 16] != ':') {
            return INVALID;
        }
        int i = offset + 19;
        final int end = offset + length;
        long nanos = 0;
        if (buf[i] == '.') {
            i++;
            int fracDigits = 0;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (fracDigits < 9) {
                    nanos = nanos * 10 + (buf[i] - '0');
                }
                fracDigits++;
                i++;
            }
            if (fracDigits == 0) {
                return INVALID;
            }
            for (int k = fracDigits; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (!(i == end - 1 && (buf[i] == 'Z' || buf[i] == 'z'))
            && !(i == end - 6 && buf[i] == '+' && buf[i + 1] == '0' && buf[i + 2] == '0' && buf[i + 3] == ':'
            && buf[i + 4] == '0' && buf[i + 5] == '0')) {
            return INVALID;
        }
        return second * NANOS_PER_SECOND + nanos;
    }

    /** Parses a character sequence the same way as {@link #parse(byte[], int, int)}. */
    public static long parse(CharSequence text) {
        final byte[] scratch = new byte[text.length()];
        for (int i = 0; i < scratch.length; i++) {
            final char c = text.charAt(i);
            if (c > 127) {
                return INVALID;
            }
            scratch[i] = (byte) c;
        }
        return parse(scratch, 0, scratch.length);
    }

    /** Formats epoch nanoseconds as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} with microseconds, as Coinbase does. */
    public static String formatMicros(long epochNs) {
        final StringBuilder sb = new StringBuilder(27);
        appendMicros(sb, epochNs);
        return sb.toString();
    }

    /** Appends epoch nanoseconds as an RFC 3339 UTC timestamp with 6 fractional digits. */
    public static void appendMicros(StringBuilder sb, long epochNs) {
        final long seconds = Math.floorDiv(epochNs, NANOS_PER_SECOND);
        final long micros = Math.floorMod(epochNs, NANOS_PER_SECOND) / 1000;
        appendDateTime(sb, seconds);
        sb.append('.');
        pad(sb, micros, 6);
        sb.append('Z');
    }

    /** Appends epoch nanoseconds as {@code yyyy-MM-ddTHH:mm:ssZ} (whole seconds). */
    public static void appendSeconds(StringBuilder sb, long epochNs) {
        appendDateTime(sb, Math.floorDiv(epochNs, NANOS_PER_SECOND));
        sb.append('Z');
    }

    private static void appendDateTime(StringBuilder sb, long epochSeconds) {
        final long days = Math.floorDiv(epochSeconds, 86_400L);
        final long secOfDay = Math.floorMod(epochSeconds, 86_400L);
        // civil_from_days (Howard Hinnant)
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long d = doy - (153 * mp + 2) / 5 + 1;
        final long m = mp < 10 ? mp + 3 : mp - 9;
        final long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        pad(sb, y, 4);
        sb.append('-');
        pad(sb, m, 2);
        sb.append('-');
        pad(sb, d, 2);
        sb.append('T');
        pad(sb, secOfDay / 3600, 2);
        sb.append(':');
        pad(sb, secOfDay / 60 % 60, 2);
        sb.append(':');
        pad(sb, secOfDay % 60, 2);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        long div = 1;
        for (int i = 1; i < width; i++) {
            div *= 10;
        }
        while (div > 0) {
            sb.append((char) ('0' + value / div % 10));
            div /= 10;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    public static long daysFromCivil(int year, int month, int day) {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int mp = month > 2 ? month - 3 : month + 9;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(byte[] buf, int offset, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            final int d = buf[offset + i] - '0';
            if (d < 0 || d > 9) {
                return -1_000_000;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
