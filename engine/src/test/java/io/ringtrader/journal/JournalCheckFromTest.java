package io.ringtrader.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart from a snapshot reads the journal from the snapshot's day only: damage in an older cycle is left to
 * {@code journal check}, damage from that day on still stops the start-up; and the state file's time check reads
 * the one cycle it needs yet agrees with a scan from the start.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCheckFromTest {
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);
    private static final long START_NS = 1_767_571_200_000_000_000L; // 2026-01-05T00:00Z
    private static final int TRADES_PER_DAY = 3_000;

    @TempDir
    Path dir;

    /** Three days of trades; returns each day's first input index. */
    private List<Long> write(Path journalDir) {
        final List<Long> firsts = new ArrayList<>();
        try (Journal journal = Journal.open(journalDir); Journal.Writer w = journal.writer()) {
            w.appendNote("session symbols=BTC quote=USD");
            final MarketEvent trade = new MarketEvent(1);
            for (int day = 0; day < 3; day++) {
                for (int i = 0; i < TRADES_PER_DAY; i++) {
                    trade.clear();
                    trade.type = EventType.TRADE;
                    trade.timestampNs = START_NS + day * DAY_NS + i * 20_000_000_000L;
                    trade.priceE8 = 100_000_000L + i;
                    trade.sizeE8 = 1_000_000L;
                    trade.tradeId = day * 10_000L + i;
                    trade.side = Side.BUY;
                    final long index = w.appendInput(trade);
                    if (i == 0) {
                        firsts.add(index);
                    }
                }
            }
        }
        return firsts;
    }

    private static void damage(Path cycle) throws IOException {
        final byte[] all = Files.readAllBytes(cycle);
        int last = all.length - 1;
        while (last >= 0 && all[last] == 0) {
            last--;
        }
        final byte[] noise = new byte[4096];
        new Random(17).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(cycle.toFile(), "rw")) {
            f.seek((last + 1) / 2);
            f.write(noise);
        }
    }

    @Test
    void shouldReadFromTheSnapshotsDayAndStillFindDamageFromThereOn() throws IOException {
        final Path older = dir.resolve("older");
        final List<Long> firsts = write(older);
        damage(older.resolve("20260105F.cq4"));
        try (Journal journal = Journal.open(older)) {
            assertThat(JournalCheck.scan(journal).damage()).as("the whole scan sees the damage")
                .contains("20260105F.cq4");
            final JournalCheck.Report fromDay2 = JournalCheck.scanFrom(journal, firsts.get(1) + 5);
            assertThat(fromDay2.damaged()).as(fromDay2.damage()).isFalse();
            assertThat(fromDay2.inputs()).isEqualTo(2L * TRADES_PER_DAY);
        }

        final Path newer = dir.resolve("newer");
        final List<Long> again = write(newer);
        damage(newer.resolve("20260107F.cq4"));
        try (Journal journal = Journal.open(newer)) {
            assertThat(JournalCheck.scanFrom(journal, again.get(1) + 5).damage()).contains("20260107F.cq4");
        }
    }

    @Test
    void shouldFindTheLatestInputTimeThroughAnIndexAsAScanFromTheStartDoes() {
        final List<Long> firsts = write(dir.resolve("journal"));
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            final long index = firsts.get(2) + 10;
            assertThat(journal.lastInputTimeThrough(index)).isEqualTo(START_NS + 2 * DAY_NS + 10 * 20_000_000_000L);
            assertThat(journal.lastInputTimeThrough(firsts.get(1))).isEqualTo(START_NS + DAY_NS);
            assertThat(journal.lastInputTimeThrough(firsts.get(2) + TRADES_PER_DAY)).as("no such entry")
                .isEqualTo(Long.MIN_VALUE);
        }
    }
}
