package io.ringtrader.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The level2 burst harness works: frames reach the books, quotes the last stage and the journal (no timings). */
class Level2BurstTest {
    @AfterAll
    static void cleanUp() {
        BenchStages.cleanUp();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldJournalEveryQuoteOfALowRateBurstThroughTheEngineChain() throws Exception {
        final Level2BurstFrames frames = new Level2BurstFrames(5_000, 1, 7);
        final Level2Burst.Result r = Level2Burst.run(true, BenchStages.config(Map.of()), frames, 2_000, 0.5);

        final Level2Burst.KeepUp k = r.keepUp();
        assertThat(k.updates()).isEqualTo(1_000);
        assertThat(k.problems()).as(r.applied().summary()).isZero();
        assertThat(k.quotes()).isGreaterThan(30); // about one frame in ten changes a top 5 level
        assertThat(k.quoteDrops()).isZero();
        assertThat(k.journaled()).as("every quote is in the journal").isEqualTo(k.quotes());
        assertThat(k.journalBytes()).isGreaterThan(200 * k.quotes());
        assertThat(r.quotes().p50Us()).isPositive();
        assertThat(r.applied().p50Us()).isPositive();
        assertThat(r.applied().summary()).contains("books valid=2/9", "snapshots=2");
    }
}
