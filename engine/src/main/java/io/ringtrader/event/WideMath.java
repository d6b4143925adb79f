package io.ringtrader.event;


/**
 * Exact {@code floor(a * b / c)} for non-negative longs through a 128-bit product, without allocation (unlike
 * {@code FixedPoint.divide}, which falls back to {@code BigInteger} for dividends above ~922 units). Stateless.
 */
public final class WideMath {
    private WideMath() {
    }

    /** {@code floor(a * 10^8 / b)}: an E8 quotient of two non-negative E8 numbers, allocation-free. */
    public static long divideE8(long a, long b) {
        return mulDivFloor(a, FixedPoint.ONE, b);
    }

    /** {@code floor(a * b / c)} for a, b >= 0 and c > 0; throws when the quotient does not fit a long. */
    public static long mulDivFloor(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("mulDivFloor needs a, b >= 0 and c > 0");
        }
        final long hi = Math.multiplyHigh(a, b);
        final long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        if (Long.compareUnsigned(hi, c) >= 0) {
            throw new ArithmeticException("mulDivFloor overflow");
        }
        final long quotient = divide128(hi, lo, c);
        if (quotient < 0) {
            throw new ArithmeticException("mulDivFloor overflow");
        }
        return quotient;
    }

    /**
     * {@code (hi * 2^64 + lo) / v}, unsigned, for {@code hi < v}: Knuth's algorithm D on 32-bit digits (Hacker's
     * Delight {@code divlu}), two hardware divisions instead of a 64-step shift-subtract loop; exact.
     */
    private static long divide128(long hi, long lo, long v) {
        final long digit = 1L << 32;
        final int s = Long.numberOfLeadingZeros(v);
        final long vn = v << s;
        final long vn1 = vn >>> 32;
        final long vn0 = vn & 0xFFFF_FFFFL;
        final long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
        final long un10 = lo << s;
        final long un1 = un10 >>> 32;
        final long un0 = un10 & 0xFFFF_FFFFL;
        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (Long.compareUnsigned(q1, digit) >= 0 || Long.compareUnsigned(q1 * vn0, digit * rhat + un1) > 0) {
            q1--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, digit) >= 0) {
                break;
            }
        }
        // wraps modulo 2^64 on purpose: the true value is below vn
        final long un21 = un32 * digit + un1 - q1 * vn;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (Long.compareUnsigned(q0, digit) >= 0 || Long.compareUnsigned(q0 * vn0, digit * rhat + un0) > 0) {
            q0--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, digit) >= 0) {
                break;
            }
        }
        return q1 * digit + q0;
    }
}
