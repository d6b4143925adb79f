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
        long rem = hi;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            // rem < c < 2^63 before the shift, so it fits 64 unsigned bits after it
            rem = (rem << 1) | ((lo >>> bit) & 1L);
            quotient <<= 1;
            if (Long.compareUnsigned(rem, c) >= 0) {
                rem -= c;
                quotient |= 1L;
            }
        }
        if (quotient < 0) {
            throw new ArithmeticException("mulDivFloor overflow");
        }
        return quotient;
    }
}
