package io.ringtrader.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumedSourceTest {

    @Test
    void shouldServeOnlyEventsAfterTheResumeTimeAndEveryOneOfThem() {
        final Instruments instruments = Instruments.of(List.of("BTC", "ETH"), "USD");
        final long start = 1_767_571_200_000_000_000L;
        final long after = start + 3_600_000_000_000L;
        final MarketSimulator all = new MarketSimulator(instruments, 5, 2.0, start);
        final ResumedSource resumed = new ResumedSource(new MarketSimulator(instruments, 5, 2.0, start), after);
        final SimEvent expected = new SimEvent();
        final SimEvent actual = new SimEvent();
        long skipped = 0;
        long served = 0;
        while (all.next(expected)) {
            if (expected.timestampNs <= after) {
                skipped++;
                continue;
            }
            assertThat(resumed.next(actual)).isTrue();
            assertThat(actual.timestampNs).isEqualTo(expected.timestampNs);
            assertThat(actual.tradeId).isEqualTo(expected.tradeId);
            assertThat(actual.priceE8).isEqualTo(expected.priceE8);
            served++;
        }
        assertThat(resumed.next(actual)).isFalse();
        assertThat(resumed.skipped()).isEqualTo(skipped).isPositive();
        assertThat(served).isPositive();
    }
}
