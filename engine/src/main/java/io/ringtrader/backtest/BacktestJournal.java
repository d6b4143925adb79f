package io.ringtrader.backtest;

import io.ringtrader.journal.JournalNotes;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input of {@code backtest --journal}: a journal's recorded trades and feed events, read whole first (a damaged
 * journal stops the backtest naming it), with the symbols the journal was recorded with and an optional UTC day
 * range. Every run reads the journal again from the start; the first run also keeps the candles the candle stage
 * closed, for the buy-and-hold row and the report. Single-threaded.
 */
final class BacktestJournal implements AutoCloseable {
    private final Path dir;
    private final Journal journal;
    private final EngineConfig config;
    private final long inputs;
    private final long fromNs;
    private final long toNs;
    private final List<List<Candle>> closed = new ArrayList<>();
    private boolean collected;

    private BacktestJournal(Path dir, Journal journal, EngineConfig config, long inputs, long fromNs, long toNs) {
        this.dir = dir;
        this.journal = journal;
        this.config = config;
        this.inputs = inputs;
        this.fromNs = fromNs;
        this.toNs = toNs;
        for (int id = 0; id < config.symbols().size(); id++) {
            closed.add(new ArrayList<>());
        }
    }

    /** Opens and checks the journal in {@code dir}; {@code from}/{@code to} (inclusive UTC days) may be null. */
    static BacktestJournal open(Path dir, EngineConfig config, LocalDate from, LocalDate to) throws IOException {
        if (!Files.isDirectory(dir) || !Journal.hasQueueFiles(dir)) {
            throw new ConfigException("--journal", "'" + dir + "' is not a journal directory");
        }
        final Journal journal = Journal.openReadOnly(dir);
        try {
            final long inputs = JournalCheck.requireWhole(journal).inputs();
            final List<String> symbols = JournalNotes.sessionSymbols(journal);
            final EngineConfig sessionConfig = symbols == null ? config : config.withSymbols(symbols);
            final long fromNs = from == null ? Long.MIN_VALUE : dayStartNs(from);
            final long toNs = to == null ? Long.MAX_VALUE : dayStartNs(to.plusDays(1));
            return new BacktestJournal(dir, journal, sessionConfig, inputs, fromNs, toNs);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    private static long dayStartNs(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** The configuration with the journal's symbols. */
    EngineConfig config() {
        return config;
    }

    /** Prints what the journal holds; returns its input count (progress units per run). */
    long describe(java.io.PrintStream console) {
        final String line = String.format(Locale.ROOT, "Backtest of journal %s: %,d recorded inputs of %s", dir,
            inputs, String.join(",", config.symbols()));
        console.println(line);
        BacktestRunner.LOG.info(line);
        return inputs;
    }

    /** One run of {@code session} over the recorded inputs. */
    BacktestResult run(BacktestSession session, BacktestSession.Progress progress) {
        final boolean keep = !collected;
        collected = true;
        return session.runJournal(journal, fromNs, toNs, null, progress, !keep ? null : c -> {
            final Candle copy = new Candle();
            copy.copyFrom(c);
            closed.get(c.instrumentId).add(copy);
        });
    }

    /** The candles the first run closed, in time order. */
    BacktestCandles closedCandles() {
        return BacktestCandles.of(closed);
    }

    @Override
    public void close() {
        journal.close();
    }
}
