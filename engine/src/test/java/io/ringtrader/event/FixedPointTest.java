package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointTest {

    @ParameterizedTest
    @CsvSource({
        "65083.67, 6508367000000",
        "0.01034361, 1034361",
        "0, 0",
        "0.0, 0",
        "1, 100000000",
        "-2.5, -250000000",
        "609.89, 60989000000",
        "0.00000001, 1",
        "12.3400000000, 1234000000",
        ".5, 50000000",
        "92233720368.54775807, 9223372036854775807",
    })
    void shouldParseDecimalStringsExactly(String text, long expected) {
        assertThat(FixedPoint.parse(text)).isEqualTo(expected);
        final byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
        assertThat(FixedPoint.parse(bytes, 2, text.length())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity", "1e400", "1E5", "abc", "1.", "-", ".", "1..2",
        "+1", " 1", "1 ", "0.000000001", "1234567890123456789012345678901234567890", "92233720368.54775808",
        "99999999999999999999", "1,5", "0x10"})
    void shouldRejectAnythingButAPlainDecimalThatFits(String text) {
        assertThat(FixedPoint.parse(text)).isEqualTo(FixedPoint.INVALID);
    }

    /** Numbers of 1 to 24 digits around the overflow bound, against BigDecimal: the same value or the same refusal. */
    @Test
    void shouldParseOrRefuseLongNumbersExactlyAsBigDecimalDoes() {
        final SplittableRandom random = new SplittableRandom(18);
        final BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        for (int n = 0; n < 50_000; n++) {
            final int digits = 1 + random.nextInt(24);
            final StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            final char first = random.nextInt(3) == 0 ? '9' : (char) ('0' + random.nextInt(10));
            for (int d = 0; d < digits; d++) {
                sb.append(d == 0 ? first : random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
            }
            if (digits > 1 && random.nextBoolean()) {
                sb.insert(sb.length() - 1 - random.nextInt(digits - 1), '.');
            }
            final String text = sb.toString();
            final BigDecimal scaled = new BigDecimal(text).movePointRight(FixedPoint.SCALE);
            final boolean fits = scaled.stripTrailingZeros().scale() <= 0 && scaled.abs().compareTo(max) <= 0;
            final long expected = fits ? scaled.longValueExact() : FixedPoint.INVALID;
            final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(FixedPoint.parse(bytes, 0, bytes.length)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void shouldMultiplyExactlyLikeBigDecimalFloor() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            final long price = random.nextLong(1, 200_000L * FixedPoint.ONE);
            final long size = random.nextLong(1, 1_000L * FixedPoint.ONE);
            final long expected = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(size))
                .divide(BigDecimal.valueOf(FixedPoint.ONE), 0, RoundingMode.FLOOR).longValueExact();
            assertThat(FixedPoint.multiply(price, size)).as("seed %d: %d x %d", seed, price, size)
                .isEqualTo(expected);
        }
    }

    @Test
    void shouldDivideLikeBigDecimalFloor() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 50_000; i++) {
            final long notional = random.nextLong(1, 1_000_000_000L * FixedPoint.ONE);
            final long price = random.nextLong(1, 200_000L * FixedPoint.ONE);
            final long expected = BigDecimal.valueOf(notional).multiply(BigDecimal.valueOf(FixedPoint.ONE))
                .divide(BigDecimal.valueOf(price), 0, RoundingMode.FLOOR).longValueExact();
            assertThat(FixedPoint.divide(notional, price)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void shouldFormatWithoutTrailingZeros() {
        assertThat(FixedPoint.format(6508367000000L)).isEqualTo("65083.67");
        assertThat(FixedPoint.format(1)).isEqualTo("0.00000001");
        assertThat(FixedPoint.format(-250000000)).isEqualTo("-2.5");
        assertThat(FixedPoint.format(0)).isEqualTo("0");
        assertThat(FixedPoint.format(FixedPoint.INVALID)).isEqualTo("NaN");
    }

    @Test
    void shouldRoundDownToIncrement() {
        assertThat(FixedPoint.floorTo(123_456_789L, 1_000_000L)).isEqualTo(123_000_000L);
        assertThat(FixedPoint.floorTo(5, 0)).isEqualTo(5);
    }
}
