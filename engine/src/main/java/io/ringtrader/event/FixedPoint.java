package io.ringtrader.event;

import java.math.BigInteger;

/**
 * Fixed-point decimals with 8 fractional digits ("E8"): prices, sizes, cash and P&amp;L are {@code long}s holding
 * value x 10^8. Parsing reads ASCII straight into a long (no {@code Double.parseDouble}, no allocation) and is
 * strict: anything but {@code [-]digits[.digits]} with at most 8 significant fractional digits is
 * {@link #INVALID}.
 */
public final class FixedPoint {
    /** Returned by the parsers for input that is not a plain decimal that fits. */
    public static final long INVALID = Long.MIN_VALUE;
    /** 10^8: one unit in E8. */
    public static final long ONE = 100_000_000L;
    public static final int SCALE = 8;

    private static final BigInteger BIG_ONE = BigInteger.valueOf(ONE);
    /** Digits a long always holds (10^18 - 1 < Long.MAX_VALUE): parsing checks for overflow only past them. */
    private static final int SAFE_DIGITS = 18;

    private FixedPoint() {
    }

    /** Parses ASCII bytes {@code buf[offset, offset + length)}; {@link #INVALID} when malformed or too large. */
    public static long parse(byte[] buf, int offset, int length) {
        if (length <= 0 || length > 40) {
            return INVALID;
        }
        int i = offset;
        final int end = offset + length;
        boolean negative = false;
        if (buf[i] == '-') {
            negative = true;
            i++;
        }
        long value = 0;
        int intDigits = 0;
        while (i < end && buf[i] != '.') {
            final int d = buf[i] - '0';
            // 18 digits always fit: the overflow check (a division) runs only for longer numbers
            if (d < 0 || d > 9 || (intDigits >= SAFE_DIGITS && value > (Long.MAX_VALUE - d) / 10)) {
                return INVALID;
            }
            value = value * 10 + d;
            intDigits++;
            i++;
        }
        int fracDigits = 0;
        if (i < end) {
            i++; // the dot
            if (i == end) {
                return INVALID;
            }
            while (i < end) {
                final int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                if (fracDigits < SCALE) {
                    if (intDigits + fracDigits >= SAFE_DIGITS && value > (Long.MAX_VALUE - d) / 10) {
                        return INVALID;
                    }
                    value = value * 10 + d;
                    fracDigits++;
                } else if (d != 0) {
                    return INVALID;
                }
                i++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return INVALID;
        }
        for (int k = fracDigits; k < SCALE; k++) {
            if (value > Long.MAX_VALUE / 10) {
                return INVALID;
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /** Parses a character sequence the same way as {@link #parse(byte[], int, int)}. */
    public static long parse(CharSequence text) {
        final int length = text.length();
        if (length == 0 || length > 40) {
            return INVALID;
        }
        final byte[] scratch = new byte[length];
        for (int i = 0; i < length; i++) {
            final char c = text.charAt(i);
            if (c > 127) {
                return INVALID;
            }
            scratch[i] = (byte) c;
        }
        return parse(scratch, 0, length);
    }

    /** Exact {@code floor(a * b / 10^8)} for non-negative inputs (sign-symmetric otherwise). */
    public static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        final boolean negative = (a < 0) ^ (b < 0);
        final long x = Math.abs(a);
        final long y = Math.abs(b);
        final long x1 = x / ONE;
        final long x0 = x % ONE;
        final long y1 = y / ONE;
        final long y0 = y % ONE;
        long result = Math.multiplyExact(Math.multiplyExact(x1, y1), ONE);
        result = Math.addExact(result, Math.multiplyExact(x1, y0));
        result = Math.addExact(result, Math.multiplyExact(x0, y1));
        result = Math.addExact(result, x0 * y0 / ONE);
        return negative ? -result : result;
    }

    /** {@code floor(a * 10^8 / b)} for non-negative inputs: a quotient of two E8 numbers, as E8. */
    public static long divide(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (Math.abs(a) < Long.MAX_VALUE / ONE) {
            return a * ONE / b;
        }
        return BigInteger.valueOf(a).multiply(BIG_ONE).divide(BigInteger.valueOf(b)).longValueExact();
    }

    /** Rounds {@code value} down to a multiple of {@code increment} (both E8, non-negative). */
    public static long floorTo(long value, long increment) {
        return increment <= 0 ? value : value - Math.floorMod(value, increment);
    }

    /** The E8 value as a double, for analysis outputs and indicator maths. */
    public static double toDouble(long e8) {
        return e8 / (double) ONE;
    }

    /** The nearest E8 value to {@code value}; off the hot path (configuration, simulator). */
    public static long fromDouble(double value) {
        return Math.round(value * ONE);
    }

    /** Plain decimal text without trailing zeros, e.g. {@code 65083.67}. */
    public static String format(long e8) {
        final StringBuilder sb = new StringBuilder(24);
        appendTo(sb, e8);
        return sb.toString();
    }

    /** Appends plain decimal text without trailing zeros; allocation-free for a pre-sized builder. */
    public static void appendTo(StringBuilder sb, long e8) {
        if (e8 == INVALID) {
            sb.append("NaN");
            return;
        }
        if (e8 < 0) {
            sb.append('-');
            e8 = -e8;
        }
        sb.append(e8 / ONE);
        long frac = e8 % ONE;
        if (frac != 0) {
            sb.append('.');
            long div = ONE / 10;
            while (frac != 0) {
                sb.append((char) ('0' + frac / div));
                frac %= div;
                div /= 10;
            }
        }
    }
}
