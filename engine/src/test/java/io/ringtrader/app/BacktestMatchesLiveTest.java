package io.ringtrader.app;

import io.ringtrader.backtest.BacktestSession;
import io.ringtrader.backtest.BacktestCandles;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Signal;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest over the candles a live session stored gives exactly the signals that session journaled. */
@Tag("slow")
class BacktestMatchesLiveTest {
    @TempDir
    Path dir;

    private static String describe(Signal s) {
        final StringBuilder sb = new StringBuilder().append(s.instrumentId).append(' ').append(s.timestampNs)
            .append(' ').append(s.action).append(' ').append(s.confidence).append(' ').append(s.regime).append(' ')
            .append(s.leadStrategyId).append(' ').append(s.filtered).append(" votes");
        for (int v = 0; v < s.voteCount; v++) {
            sb.append(' ').append(s.voteStrategyIds[v]).append(':').append(s.voteActions[v]).append(':')
                .append(s.voteConfidences[v]);
        }
        return sb.toString();
    }

    @Test
    void shouldReproduceEveryJournaledSignalFromTheStoredCandles() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\n"
            + "strategies: {selection: {enabled: false}}\n");
        final Path data = dir.resolve("data");
        final StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "live-trading",
            "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "5", "--symbols", "BTC,ETH",
            "--data-dir", data.toString(), "--logs-dir", dir.resolve("logs").toString())).as(err.toString()).isZero();

        final List<String> live = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(data.resolve("journal")); JournalReader reader = journal.reader()) {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record)) {
                if (record.type == RecordType.SIGNAL) {
                    live.add(describe(record.signal));
                }
            }
        }

        final EngineConfig engineConfig = ConfigLoader.load(config, Map.of("symbols", List.of("BTC", "ETH")));
        final Instruments instruments = engineConfig.instruments().build(engineConfig.symbols(),
            engineConfig.quoteCurrency());
        final LocalDate day = LocalDate.of(2026, 1, 5);
        final BacktestCandles candles = BacktestCandles.load(data, instruments, day, day);
        final StrategyRegistry registry = StrategyRegistry.create(engineConfig.strategies(), StrategyLibrary.load());
        final List<String> backtest = new ArrayList<>();
        new BacktestSession("portfolio", engineConfig, instruments, engineConfig.strategies(), registry)
            .run(candles.candles(), s -> backtest.add(describe(s)), done -> { });

        assertThat(live).hasSizeGreaterThan(100);
        assertThat(backtest).containsExactlyElementsOf(live);
    }
}
