package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    private static final DateTimeFormatter MICROS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static long nanos(String iso) {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-08-09T21:05:48Z", "2026-08-09T21:05:48.1Z", "2026-08-09T21:05:48.50436Z",
        "2026-08-09T21:05:48.167634Z", "2026-08-09T21:05:48.854840045Z", "2016-10-07T00:00:00.000000Z",
        "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z"})
    void shouldParseZeroToNineFractionDigits(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(nanos(text));
    }

    @Test
    void shouldAcceptZeroOffsetAndSpaceSeparator() {
        assertThat(Rfc3339.parse("2026-08-09T21:05:48.5+00:00")).isEqualTo(nanos("2026-08-09T21:05:48.5Z"));
        assertThat(Rfc3339.parse("2026-08-09 21:05:48.5Z")).isEqualTo(nanos("2026-08-09T21:05:48.5Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-08-09", "2026-13-09T21:05:48Z", "2026-02-30T21:05:48Z", "2026-08-09T24:05:48Z",
        "2026-08-09T21:05:48.Z", "2026-08-09T21:05:48", "2026-08-09T21:05:48+01:00", "not a time at all, really",
        "2026-08-09X21:05:48Z", "1969-12-31T23:59:59Z", "2300-01-01T00:00:00Z", "2026-08-09T21:05:48.123Zjunk"})
    void shouldRejectMalformedTimes(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(Rfc3339.INVALID);
    }

    @Test
    void shouldFormatWhatItParses() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            final long ns = random.nextLong(0, 4_000_000_000L) * 1_000_000_000L + random.nextLong(0, 1_000_000) * 1000;
            final String text = Rfc3339.formatMicros(ns);
            assertThat(text).as("seed %d", seed).isEqualTo(MICROS.format(Instant.ofEpochSecond(0, ns)));
            assertThat(Rfc3339.parse(text)).as("seed %d: %s", seed, text).isEqualTo(ns);
        }
    }
}
