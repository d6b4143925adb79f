package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedStatsTest {

    @Test
    void shouldSummariseStateAndNonZeroRejectsOnOneLine() {
        final FeedStats stats = new FeedStats();
        stats.state(FeedStats.State.SUBSCRIBED);
        stats.frame();
        stats.trades(3);
        stats.reject(RejectReason.BAD_PRICE);
        stats.reject(RejectReason.BAD_PRICE);
        stats.reject(RejectReason.IGNORED_MESSAGE);
        stats.gap(7);
        stats.readPauseStarted();
        stats.readPauseEnded(2_000_000);
        final String line = stats.summary();
        assertThat(line).doesNotContain("\n").contains("state=SUBSCRIBED", "frames=1", "trades=3", "gaps=1/7",
            "pauses=1/2ms", "bad_price=2", "ignored_message=1").doesNotContain("bad_size");
        assertThat(stats.rejectsTotal()).isEqualTo(2);
    }

    @Test
    void shouldBeReadableFromAnotherThread() throws InterruptedException {
        final FeedStats stats = new FeedStats();
        final Thread writer = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                stats.trades(1);
            }
        });
        writer.start();
        writer.join();
        assertThat(stats.trades()).isEqualTo(100_000);
    }
}
