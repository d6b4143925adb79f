package io.ringtrader.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.MetricsEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a journal whose inputs span several UTC days of exchange time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalRetentionTest {
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);
    /** 2026-01-05T00:00:00Z, the simulator's default start: epoch day 20458. */
    private static final long START_NS = 1_767_571_200_000_000_000L;
    private static final int FIRST_DAY = 20_458;

    @TempDir
    Path dir;

    /** A header note, then {@code days} days of ten trades each; returns each day's input indices. */
    private static List<List<Long>> write(Path journalDir, int days) {
        final List<List<Long>> indices = new ArrayList<>();
        try (Journal journal = Journal.open(journalDir); Journal.Writer w = journal.writer()) {
            w.appendNote("session symbols=BTC quote=USD");
            final MarketEvent trade = new MarketEvent(1);
            for (int day = 0; day < days; day++) {
                final List<Long> today = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    trade.clear();
                    trade.type = EventType.TRADE;
                    trade.timestampNs = START_NS + day * DAY_NS + i * TimeUnit.HOURS.toNanos(2);
                    trade.priceE8 = 100_000_000L * (day + 1);
                    trade.sizeE8 = 1_000_000L;
                    trade.tradeId = day * 100L + i;
                    trade.side = Side.BUY;
                    today.add(w.appendInput(trade));
                }
                indices.add(today);
            }
        }
        return indices;
    }

    private static List<String> cq4(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted().toList();
        }
    }

    private static List<Long> tradeIds(Path journalDir) {
        final List<Long> ids = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.reader()) {
            final JournalRecord r = new JournalRecord();
            while (reader.next(r)) {
                if (r.type == RecordType.INPUT) {
                    ids.add(r.input.tradeId);
                }
            }
        }
        return ids;
    }

    @Test
    void shouldRollOneCycleFilePerUtcDayOfExchangeTimeAfterTheHeaderCycle() throws Exception {
        write(dir.resolve("journal"), 5);
        assertThat(cq4(dir.resolve("journal"))).containsExactly("19700101F.cq4", "20260105F.cq4", "20260106F.cq4",
            "20260107F.cq4", "20260108F.cq4", "20260109F.cq4");
        try (Journal journal = Journal.openReadOnly(dir.resolve("journal"))) {
            assertThat(journal.cycles()).containsExactly(0, FIRST_DAY, FIRST_DAY + 1, FIRST_DAY + 2, FIRST_DAY + 3,
                FIRST_DAY + 4);
        }
        assertThat(tradeIds(dir.resolve("journal"))).hasSize(50);
    }

    @Test
    void shouldDeleteExactlyTheCyclesPastRetentionButNeverTheHeaderOrTheNewest() throws Exception {
        final Path journalDir = dir.resolve("journal");
        write(journalDir, 5);
        try (Journal journal = Journal.open(journalDir)) {
            final JournalRetention retention = new JournalRetention(journal, 2, null, () -> Long.MAX_VALUE);
            assertThat(retention.apply()).isEqualTo(3);
            assertThat(retention.apply()).isZero();
            assertThat(retention.deleted()).isEqualTo(3);
            assertThat(retention.cycles()).isEqualTo(3);
            assertThat(journal.cycles()).containsExactly(0, FIRST_DAY + 3, FIRST_DAY + 4);
        }
        assertThat(cq4(journalDir)).containsExactly("19700101F.cq4", "20260108F.cq4", "20260109F.cq4");
        assertThat(tradeIds(journalDir)).hasSize(20).startsWith(300L).endsWith(409L);
        assertThat(JournalRetention.removedCycles(journalDir)).hasSize(3)
            .allMatch(line -> line.endsWith("deleted")).anyMatch(line -> line.startsWith("20260105F.cq4 (2026-01-05)"));
    }

    @Test
    void shouldKeepTheCycleOfTheStateFilesJournalIndexAndEveryLaterOne() throws Exception {
        final Path journalDir = dir.resolve("journal");
        final List<List<Long>> indices = write(journalDir, 5);
        final Path state = Files.writeString(dir.resolve("portfolio_state.json"),
            "{\"version\": 2, \"journal_index\": " + indices.get(1).get(4) + "}");
        try (Journal journal = Journal.open(journalDir)) {
            final JournalRetention retention = new JournalRetention(journal, 1, null,
                JournalRetention.stateFileIndex(state, true));
            assertThat(retention.apply()).isEqualTo(1);
            assertThat(journal.cycles()).containsExactly(0, FIRST_DAY + 1, FIRST_DAY + 2, FIRST_DAY + 3,
                FIRST_DAY + 4);
        }
    }

    @Test
    void shouldRemoveNothingWhileARequiredStateFileIsMissingOrWhenRetentionIsOff() throws Exception {
        final Path journalDir = dir.resolve("journal");
        write(journalDir, 4);
        try (Journal journal = Journal.open(journalDir)) {
            assertThat(new JournalRetention(journal, 1, null,
                JournalRetention.stateFileIndex(dir.resolve("absent.json"), true)).apply()).isZero();
            final JournalRetention off = new JournalRetention(journal, 0, null, () -> Long.MAX_VALUE);
            assertThat(off.apply()).isZero();
            assertThat(off.cycles()).isEqualTo(5);
            assertThat(off.bytes()).isPositive();
        }
        assertThat(cq4(journalDir)).hasSize(5);
        assertThat(JournalRetention.removedCycles(journalDir)).isEmpty();
    }

    @Test
    void shouldMoveCyclesToAnArchiveThatReadsAsAJournalFromTheSessionsStart() throws Exception {
        final Path journalDir = dir.resolve("journal");
        final Path archive = dir.resolve("archive");
        write(journalDir, 5);
        try (Journal journal = Journal.open(journalDir)) {
            final JournalRetention retention = new JournalRetention(journal, 3, archive, () -> Long.MAX_VALUE);
            assertThat(retention.apply()).isEqualTo(2);
            assertThat(retention.archived()).isEqualTo(2);
        }
        assertThat(cq4(archive)).containsExactly("19700101F.cq4", "20260105F.cq4", "20260106F.cq4");
        assertThat(cq4(journalDir)).containsExactly("19700101F.cq4", "20260107F.cq4", "20260108F.cq4",
            "20260109F.cq4");
        final List<Long> archived = tradeIds(archive);
        assertThat(archived).hasSize(20).startsWith(0L).endsWith(109L);
        try (Journal journal = Journal.openReadOnly(archive)) {
            assertThat(JournalCheck.requireWhole(journal).entries()).isEqualTo(21);
            try (JournalReader reader = journal.reader()) {
                final JournalRecord first = new JournalRecord();
                assertThat(reader.next(first)).isTrue();
                assertThat(first.note).isEqualTo("session symbols=BTC quote=USD");
            }
        }
        assertThat(Files.readString(JournalRetention.removedList(journalDir), StandardCharsets.UTF_8))
            .contains("20260105F.cq4 (2026-01-05) archived to " + archive.toAbsolutePath());
    }

    @Test
    void shouldServeTheJournalsDiskUseAsPrometheusGauges() throws Exception {
        final Path journalDir = dir.resolve("journal");
        write(journalDir, 3);
        try (Journal journal = Journal.open(journalDir)) {
            final JournalRetention retention = new JournalRetention(journal, 2, null, () -> Long.MAX_VALUE);
            final Counters counters = new Counters();
            retention.registerCounters(counters);
            retention.apply();
            final String text = new String(MetricsEndpoint.scrapeText(MetricsEndpoint.registry(counters,
                new LatencyTracker("end_to_end"))), StandardCharsets.UTF_8);
            assertThat(text).contains("# TYPE ringtrader_journal_bytes gauge")
                .contains("ringtrader_journal_bytes " + (double) retention.bytes())
                .contains("# TYPE ringtrader_journal_cycles gauge").contains("ringtrader_journal_cycles 3.0")
                .contains("# TYPE ringtrader_journal_cycles_removed_total counter")
                .contains("ringtrader_journal_cycles_removed_total{how=\"deleted\"} 1.0")
                .contains("ringtrader_journal_cycles_removed_total{how=\"archived\"} 0.0");
            assertThat(counters.summary()).contains("journal_bytes=" + retention.bytes());
        }
    }
}
