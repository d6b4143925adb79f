package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampParserTest {

    @Test
    void shouldGiveWhatRfc3339GivesForTimestampsInTheSameMinuteAcrossMinutesAndInvalidOnes() {
        final TimestampParser parser = new TimestampParser();
        final String[] texts = {"2026-08-09T21:05:48.167634Z", "2026-08-09T21:05:49.5Z", "2026-08-09T21:05:59Z",
            "2026-08-09T21:05:60Z", "2026-08-09T21:05:48.Z", "2026-08-09T21:05:48+01:00", "2026-08-09T21:05:4x.1Z",
            "2026-08-09T21:05:48.123456789012Z", "2026-08-09T21:05:07.000001+00:00", "2026-08-09T21:06:00.000000Z",
            "2026-08-09T21:05:59.999999Z", "2026-08-09 21:05:59.1Z", "2026-08-09T21:05", "2026-02-30T21:05:00Z",
            "2026-08-09T21:05:12.5z", "2026-08-09T21:05:12.5ZZ", "2024-02-29T23:59:59.999999999Z",
            "2024-02-29T23:59:01Z", "2026-08-09T21:05:12.5Z"};
        for (String text : texts) {
            final byte[] b = ("..." + text + "...").getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(b, 3, text.length())).as(text).isEqualTo(Rfc3339.parse(b, 3, text.length()));
        }
        assertThat(parser.parse(bytes("2026-08-09T21:05:59Z"), 0, 20)).isEqualTo(Rfc3339.parse("2026-08-09T21:05:59Z"));
    }

    @Test
    void shouldMatchRfc3339OnARandomStreamOfFeedTimestamps() {
        final TimestampParser parser = new TimestampParser();
        final SplittableRandom random = new SplittableRandom(7);
        long ns = Rfc3339.parse("2026-12-31T23:58:30Z");
        for (int i = 0; i < 20_000; i++) {
            ns += random.nextLong(3_000_000_000L);
            final StringBuilder sb = new StringBuilder();
            Rfc3339.appendMicros(sb, ns);
            if (random.nextInt(50) == 0) {
                sb.setCharAt(17 + random.nextInt(sb.length() - 17), (char) ('0' + random.nextInt(75)));
            }
            final byte[] b = bytes(sb.toString());
            final long expected = Rfc3339.parse(b, 0, b.length);
            assertThat(parser.parse(b, 0, b.length)).as(sb.toString()).isEqualTo(expected);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
