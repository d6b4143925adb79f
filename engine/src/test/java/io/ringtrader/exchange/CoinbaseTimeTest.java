package io.ringtrader.exchange;

import io.ringtrader.event.Rfc3339;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CoinbaseTimeTest {
    @ParameterizedTest
    @CsvSource({
        "2026-08-09T21:05:48.167634Z, 2026-08-09T21:05:48.167634Z",
        "2026-08-09T21:05:38.504360Z, 2026-08-09T21:05:38.50436Z",
        "2026-08-09T21:05:48.228568804Z, 2026-08-09T21:05:48.228568804Z",
        "2016-10-07T00:00:04.000Z, 2016-10-07T00:00:04Z",
        "2016-10-07T00:00:04.000000001Z, 2016-10-07T00:00:04.000000001Z",
        "2024-02-29T23:59:59.5Z, 2024-02-29T23:59:59.5Z",
    })
    void shouldFormatRfc3339WithoutTrailingZerosAndRoundTrip(String input, String expected) {
        final long ns = Rfc3339.parse(input);
        assertThat(CoinbaseTime.rfc3339(ns)).isEqualTo(expected);
        assertThat(Rfc3339.parse(CoinbaseTime.rfc3339(ns))).isEqualTo(ns);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-08-09T21:05:48.854840045Z, 41691260485341, 2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341",
        "2026-01-05T00:00:01Z, 1000000000, 2026-01-05 00:00:01 +0000 UTC m=+1.000000000",
    })
    void shouldFormatGoTimeLikeCoinbaseHeartbeats(String time, long monotonicNs, String expected) {
        final StringBuilder sb = new StringBuilder("x");
        CoinbaseTime.appendGoTime(sb, Rfc3339.parse(time), monotonicNs);
        assertThat(sb.toString()).isEqualTo("x" + expected);
    }
}
