package io.ringtrader.app;

import io.ringtrader.source.FeedSource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedSourceTest {
    private static final long START_NS = 1_767_571_200_000_000_000L; // 2026-01-05T00:00:00Z

    @Test
    void shouldStartTheSimulatedMarketAtItsConfiguredStartOnAFreshJournal() {
        assertThat(FeedSource.simStartNs(START_NS, Long.MIN_VALUE)).isEqualTo(START_NS);
        assertThat(FeedSource.simStartNs(START_NS, START_NS - 5)).isEqualTo(START_NS);
    }

    @Test
    void shouldContinueAfterTheJournalsLastExchangeTimeOnARestart() {
        assertThat(FeedSource.simStartNs(START_NS, START_NS + 86_400_000_000_000L + 123))
            .isEqualTo(START_NS + 86_401_000_000_000L);
        assertThat(FeedSource.simStartNs(START_NS, START_NS)).isEqualTo(START_NS + 1_000_000_000L);
    }
}
