package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest
    @CsvSource({"90s, 90000", "10m, 600000", "2h, 7200000", "1h30m, 5400000", "500ms, 500", "45, 45000",
        "1d, 86400000"})
    void shouldParseDurations(String text, long millis) {
        assertThat(DurationParser.parseMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10x", "m10", "1h 30m", "-5s"})
    void shouldRejectMalformedDurations(String text) {
        assertThatThrownBy(() -> DurationParser.parseMillis(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
