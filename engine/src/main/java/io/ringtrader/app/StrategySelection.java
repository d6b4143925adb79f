package io.ringtrader.app;

import io.ringtrader.backtest.OrderLayerSimulation;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import io.ringtrader.store.ParquetCandleReader;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import io.ringtrader.strategy.StrategyReselector;
import io.ringtrader.strategy.StrategySelector;
import io.ringtrader.pipeline.StageChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.Logger;

/**
 * Which strategies trade: the best three of the library by walk-forward evaluation on the stored history (or the
 * ones {@code strategies.active} pins when {@code strategies.selection.enabled} is false). The choice is journaled
 * as a note; a data folder keeps the choice of its first session, so recovery and replay trade with the same
 * strategies, in the same id order, as the live sessions did.
 */
public final class StrategySelection {
    /** Prefix of the journal note recording a selection. */
    static final String NOTE_PREFIX = "strategy-selection active=";

    private StrategySelection() {
    }

    /** A selection: the active names and why. */
    record Choice(List<String> active, String reason) {
        String note() {
            return NOTE_PREFIX + String.join(",", active) + " reason=" + reason;
        }
    }

    /** The active strategies for a session over {@code dataDir} whose own journal is {@code journal} (or null). */
    static Choice choose(EngineConfig config, Path dataDir, Instruments instruments, Journal journal, Logger log) {
        final Choice journaled = journal == null ? null : fromJournal(journal);
        if (journaled != null) {
            log.info("Strategies: keeping {} as journaled by this data folder's first session", journaled.active());
            return journaled;
        }
        final StrategyConfig strategies = config.strategies();
        if (!strategies.selection().enabled()) {
            return new Choice(strategies.active(), "pinned by strategies.active (selection disabled)");
        }
        final List<Candle[]> history = new ArrayList<>();
        for (int id = 0; id < instruments.size(); id++) {
            history.add(ParquetCandleReader.readLatest(dataDir, instruments.get(id).symbol(), id,
                config.candles().retentionDays()).toArray(new Candle[0]));
        }
        final StrategySelector selector = selector(config, instruments);
        final StrategySelector.Selection selection = selector.select(history);
        for (String line : selection.evidence(selector.metric())) {
            log.info("Strategy selection at start-up: {}", line);
        }
        final Choice choice = new Choice(selection.chosen(), selection.reason());
        return choice;
    }

    /** The selector: each candidate alone through the live order layer ({@link OrderLayerSimulation}). */
    public static StrategySelector selector(EngineConfig config, Instruments instruments) {
        final StrategyLibrary library = StrategyLibrary.load();
        return new StrategySelector(config.strategies(), library,
            new OrderLayerSimulation(config, instruments, library));
    }

    /**
     * The registry for a choice: the chosen strategies first (ids 0..k-1, they vote from the start), then, when
     * strategies are re-selected during the session, every other library strategy (kept warm, not voting).
     */
    static StrategyRegistry registry(EngineConfig config, Choice choice) {
        final StrategyLibrary library = StrategyLibrary.load();
        final List<String> names = new ArrayList<>(choice.active());
        if (reselecting(config)) {
            for (String name : library.names()) {
                if (!names.contains(name) && names.size() < io.ringtrader.event.Signal.MAX_VOTES) {
                    names.add(name);
                }
            }
        }
        return StrategyRegistry.create(config.strategies().withActive(names), library);
    }

    /** True when the active set is re-chosen on a schedule during the session. */
    /**
     * The stage's re-selection of the voting strategies on the configured schedule, or null when re-selection is
     * off; each new choice goes to {@code notes} (journaled).
     */
    static StrategyReselector reselector(EngineConfig config, Instruments instruments, StrategyRegistry registry,
                                         int initiallyActive, java.util.function.Consumer<String> notes) {
        if (!reselecting(config)) {
            return null;
        }
        return new StrategyReselector(selector(config, instruments), registry.names(), initiallyActive,
            instruments.size(), config.candles().retentionDays(),
            (long) (config.strategies().selection().intervalHours() * 3_600_000_000_000L),
            config.strategies().selection().applyAfterMinutes() * 60_000_000_000L, notes);
    }

    static boolean reselecting(EngineConfig config) {
        return config.strategies().selection().enabled() && config.strategies().selection().intervalHours() > 0;
    }

    /** The first selection note in {@code journal}, or null. */
    static Choice fromJournal(Journal journal) {
        try (JournalReader reader = journal.reader()) {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record)) {
                if (record.type == RecordType.NOTE && record.note.startsWith(NOTE_PREFIX)) {
                    final String rest = record.note.substring(NOTE_PREFIX.length());
                    final int space = rest.indexOf(" reason=");
                    final String names = space < 0 ? rest : rest.substring(0, space);
                    return new Choice(Arrays.asList(names.split(",")),
                        space < 0 ? "journaled" : rest.substring(space + " reason=".length()));
                }
            }
        }
        return null;
    }

    /** Prefix of the journal note recording a session's instrument table. */
    /**
     * Logs each symbol's history and when its first signal can come. Reads the candle store, which the consumer
     * thread owns: call it only once every stage has processed every history event (the engine waits for
     * {@link Pipeline#processedThrough()} to reach them first) and before the live feed starts.
     */
    static void logWarmUp(Logger log, StageChain stages, EngineConfig config, Instruments instruments) {
        final int needed = config.strategies().minCandles();
        for (int id = 0; id < instruments.size(); id++) {
            final int have = stages.store.size(id);
            log.info("{}: {} candles of history; {}", instruments.get(id).symbol(), have, have >= needed
                ? "signals can come from the next candle"
                : "first signal after " + (needed - have) + " more minutes of data (" + needed + " candles needed)");
        }
    }
}
