package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WideMathTest {

    @Test
    void shouldMatchBigIntegerFloorOfWideProducts() {
        final long seed = 7;
        final Random rnd = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            final long c = 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(62)));
            final long a = rnd.nextLong() >>> (1 + rnd.nextInt(62));
            final long b = rnd.nextInt(3) == 0 ? c : (rnd.nextLong() >>> (1 + rnd.nextInt(62))) % c;
            final BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c));
            if (expected.bitLength() < 63) {
                assertThat(WideMath.mulDivFloor(a, b, c)).as("seed %d: %d*%d/%d", seed, a, b, c)
                    .isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void shouldMatchBigIntegerOnMoneySizedAndUnrestrictedOperands() {
        final long seed = 11;
        final Random rnd = new Random(seed);
        for (int i = 0; i < 500_000; i++) {
            final boolean money = rnd.nextBoolean();
            final long a = money ? (long) (rnd.nextDouble() * 9e18) : rnd.nextLong() >>> (1 + rnd.nextInt(63));
            final long b = money ? FixedPoint.ONE + rnd.nextInt(1_000_000) : rnd.nextLong() >>> (1 + rnd.nextInt(63));
            final long c = money ? 1 + (long) (rnd.nextDouble() * 1e13)
                : 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(63)));
            final BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c));
            if (expected.bitLength() <= 63) {
                assertThat(WideMath.mulDivFloor(a, b, c)).as("seed %d: %d*%d/%d", seed, a, b, c)
                    .isEqualTo(expected.longValueExact());
            } else {
                assertThatThrownBy(() -> WideMath.mulDivFloor(a, b, c)).as("seed %d: %d*%d/%d", seed, a, b, c)
                    .isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void shouldRefuseNegativesAndOverflow() {
        assertThatThrownBy(() -> WideMath.mulDivFloor(-1, 2, 3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> WideMath.mulDivFloor(Long.MAX_VALUE, Long.MAX_VALUE, 2))
            .isInstanceOf(ArithmeticException.class);
        assertThat(WideMath.mulDivFloor(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
