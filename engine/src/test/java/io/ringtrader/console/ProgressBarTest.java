package io.ringtrader.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldShowDonePercentRateAndTimeLeft() {
        final ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), "events", 1_000_000, 0);
        final String line = bar.line(250_000, 1_000_000_000L);
        assertThat(line).startsWith("[########                      ]")
            .contains(" 25.0% 250,000/1,000,000 events")
            .contains("250,000/s")
            .contains("3.0s left");
    }

    @Test
    void shouldEndWithANewlineAndFullBar() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "candles", 10,
            0);
        bar.finish(10, 2_000_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("100.0%").endsWith(System.lineSeparator());
    }
}
