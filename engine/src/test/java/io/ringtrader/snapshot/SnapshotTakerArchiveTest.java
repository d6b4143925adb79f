package io.ringtrader.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots every 6 h over three days, keeping two: the journal archive keeps the first of each day for good (the
 * one an archived day replays from), and only that one across a restart of the taker in the middle of a day; and
 * retention
 * learns the newest snapshot's journal index from its name.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SnapshotTakerArchiveTest {
    private static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);
    private static final long START_NS = 1_767_571_200_000_000_000L; // 2026-01-05T00:00Z

    @TempDir
    Path dir;

    /** Some stage state. */
    static final class Counter {
        long value;
    }

    private static List<String> names(Path folder) throws IOException {
        return SnapshotStore.list(folder).stream().map(p -> p.getFileName().toString()).toList();
    }

    private void feed(SnapshotTaker taker, Counter state, long fromHour, long toHour) {
        final MarketEvent event = new MarketEvent(1);
        for (long minute = fromHour * 60; minute <= toHour * 60; minute += 30) {
            event.type = EventType.TRADE;
            event.timestampNs = START_NS + minute * 60_000_000_000L;
            event.journalIndex = 1_000 + minute;
            state.value = minute;
            taker.onEvent(event, minute, true);
            while (taker.taken() > taker.written() + taker.failed()) {
                LockSupport.parkNanos(1_000_000L); // a disk that keeps up: no snapshot skipped
            }
        }
    }

    @Test
    void shouldKeepTheFirstSnapshotOfEachDayInTheArchive() throws IOException, SnapshotDamagedException {
        final Path snapshots = dir.resolve("snapshots");
        final Path archive = dir.resolve("archive").resolve("snapshots");
        final StateImage image = new StateImage(Set.of(), Set.of());
        final Counter state = new Counter();
        try (SnapshotTaker taker = new SnapshotTaker(snapshots, archive, 6 * HOUR_NS, 2, "BTC", image, () -> true,
            state)) {
            feed(taker, state, 0, 40);
        }
        // a restart at 40 h: the taker starts again in the middle of a day whose first snapshot is archived already
        try (SnapshotTaker taker = new SnapshotTaker(snapshots, archive, 6 * HOUR_NS, 2, "BTC", image, () -> true,
            state)) {
            feed(taker, state, 40, 60);
        }
        assertThat(names(snapshots)).hasSize(2).allMatch(n -> n.startsWith("snapshot-20260107T"));
        assertThat(names(archive)).extracting(n -> n.substring(0, 24))
            .containsExactly("snapshot-20260105T060000", "snapshot-20260106T000000", "snapshot-20260107T000000");
        final SnapshotFile.Loaded day2 = SnapshotFile.read(SnapshotStore.list(archive).get(1));
        assertThat(day2.header().exchangeTimeNs()).isEqualTo(START_NS + 24 * HOUR_NS);
        final Counter restored = new Counter();
        SnapshotStore.restore(day2, image, restored);
        assertThat(restored.value).isEqualTo(24 * 60);

        assertThat(SnapshotStore.newestJournalIndex(snapshots)).isEqualTo(1_000 + 60 * 60);
        assertThat(SnapshotStore.newestJournalIndex(dir.resolve("none"))).isEqualTo(Long.MAX_VALUE);
    }
}
