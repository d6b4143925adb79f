package io.ringtrader.backtest;

import io.ringtrader.config.ExitCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrader.config.ConfigException;
import io.ringtrader.console.ProgressBar;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs {@code backtest} (see {@link BacktestCommand}): reads the stored candles of the configured symbols for the
 * date range, runs them through the live strategy and risk/portfolio stages ({@link BacktestSession}) once with
 * the chosen strategies together (the portfolio) and once per strategy alone, then writes {@code live_trades.csv}
 * and {@code equity.csv} of the portfolio run and {@code report.json} of every run, and prints a table. With
 * {@code --journal} the input is instead a journal's recorded trades, through the live candle stage too (the
 * symbols are the journal's, the range optional). Bad dates, an empty range, a journal that is not one or is
 * damaged, or unknown strategy names are usage errors (exit 2). Runs on the calling thread.
 */
public final class BacktestRunner {
    /** Not an {@code io.ringtrader.app} logger: info goes to the log file only (the console gets the table). */
    static final Logger LOG = LogManager.getLogger(BacktestRunner.class);

    private final EngineConfig config;
    private final Path dataDir;
    private final String from;
    private final String to;
    private final List<String> strategies;
    private final Path out;
    private final PrintStream console;
    private Path journal;

    /** A run over {@code dataDir} writing to {@code out}, printing progress and the table to {@code console}. */
    public BacktestRunner(EngineConfig config, Path dataDir, String from, String to, List<String> strategies, Path out,
                   PrintStream console) {
        this.config = config;
        this.dataDir = dataDir;
        this.from = from;
        this.to = to;
        this.strategies = strategies;
        this.out = out;
        this.console = console;
    }

    /** Backtests the recorded trades of the journal in {@code dir} instead of stored candles. */
    public BacktestRunner fromJournal(Path dir) {
        this.journal = dir;
        return this;
    }

    public int run() throws IOException {
        if (journal == null && (from == null || to == null)) {
            throw new ConfigException(from == null ? "--from" : "--to", "is required (or give --journal DIR)");
        }
        final LocalDate fromDate = from == null ? null : date("--from", from);
        final LocalDate toDate = to == null ? null : date("--to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new ConfigException("--to", toDate + " is before --from " + fromDate);
        }
        if (journal != null) {
            try (BacktestJournal recorded = BacktestJournal.open(journal, config, fromDate, toDate)) {
                return run(recorded.config(), recorded.describe(console), recorded::run, recorded::closedCandles,
                    fromDate, toDate);
            }
        }
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final BacktestCandles candles = BacktestCandles.load(dataDir, instruments, fromDate, toDate);
        if (candles.size() == 0) {
            throw new ConfigException("--data-dir", "no candles of " + String.join(",", config.symbols())
                + " between " + fromDate + " and " + toDate + " in " + dataDir.resolve("candles")
                + "/{SYMBOL}/*.parquet");
        }
        return run(config, describe(instruments, candles, fromDate, toDate), (session, progress) -> session.run(
            candles.candles(), null, progress), () -> candles, fromDate, toDate);
    }

    /** Drives one session over the backtest's input, reporting progress in input units. */
    interface Drive {
        public BacktestResult run(BacktestSession session, BacktestSession.Progress progress);
    }

    /**
     * The runs over one input ({@code units} per run): the portfolio, then each strategy alone; then the files and
     * the table. {@code closedCandles} gives the input's candles once the first run is done.
     */
    private int run(EngineConfig runConfig, long units, Drive drive,
                    java.util.function.Supplier<BacktestCandles> closedCandles, LocalDate fromDate,
                    LocalDate toDate) throws IOException {
        final StrategyLibrary library = StrategyLibrary.load();
        final List<String> chosen = strategies == null || strategies.isEmpty() ? runConfig.strategies().active()
            : List.copyOf(strategies);
        for (String name : chosen) {
            if (library.provider(name) == null) {
                throw new ConfigException(strategies == null ? "strategies.active" : "--strategies",
                    "unknown strategy '" + name + "'; known: " + library.names());
            }
        }
        final List<String> alone = strategies == null || strategies.isEmpty() ? library.names() : chosen;
        final Instruments instruments = runConfig.instruments().build(runConfig.symbols(),
            runConfig.quoteCurrency());
        console.println("Backtest: portfolio of " + chosen + ", then " + alone.size() + " strategies alone");

        final ProgressBar bar = new ProgressBar(console, journal == null ? "candles" : "events",
            units * (1 + alone.size()), System.nanoTime());
        final StrategyRegistry registry = registry(runConfig, chosen, library);
        final BacktestResult combined = run(runConfig, "portfolio", chosen, registry, instruments, drive, bar, 0);
        final BacktestStats portfolio = BacktestStats.of("portfolio", chosen, combined);
        final List<BacktestStats> each = new ArrayList<>();
        final List<BacktestReportHtml.Curve> curves = new ArrayList<>();
        for (int i = 0; i < alone.size(); i++) {
            final List<String> one = List.of(alone.get(i));
            final BacktestResult r = run(runConfig, alone.get(i), one, registry(runConfig, one, library),
                instruments, drive, bar, units * (i + 1));
            each.add(BacktestStats.of(alone.get(i), one, r));
            curves.add(new BacktestReportHtml.Curve(alone.get(i), r));
        }
        bar.finish(units * (1 + alone.size()), System.nanoTime());
        final BacktestCandles candles = closedCandles.get();

        BacktestFiles.write(out.resolve(BacktestFiles.TRADES), BacktestFiles.trades(combined, instruments, registry));
        BacktestFiles.write(out.resolve(BacktestFiles.EQUITY), BacktestFiles.equity(combined));
        final BacktestStats hold = BacktestStats.buyAndHold(candles.candles(), instruments.size(),
            runConfig.portfolio().startingCashE8(), Math.round(runConfig.portfolio().takerFeeBps() * 10_000));
        final byte[] report = BacktestFiles.report(header(runConfig, instruments, candles, fromDate, toDate),
            portfolio, each, hold);
        BacktestFiles.write(out.resolve(BacktestFiles.REPORT), report);
        BacktestFiles.write(out.resolve(BacktestReportHtml.FILE), BacktestReportHtml.render(report, combined, curves,
            candles.candles(), instruments, Math.round(runConfig.portfolio().takerFeeBps() * 10_000)));
        final String table = BacktestTable.render(portfolio, each, hold);
        console.print(table);
        console.println("Wrote " + out.resolve(BacktestFiles.TRADES) + ", " + BacktestFiles.EQUITY + ", "
            + BacktestFiles.REPORT + ", " + BacktestReportHtml.FILE);
        console.flush();
        for (String line : table.split("\n")) {
            LOG.info("Backtest {}..{}: {}", fromDate, toDate, line);
        }
        return ExitCodes.OK;
    }

    private static BacktestResult run(EngineConfig runConfig, String label, List<String> names,
                                      StrategyRegistry registry, Instruments instruments, Drive drive,
                                      ProgressBar bar, long before) {
        final StrategyConfig strategyConfig = runConfig.strategies().withActive(names);
        final BacktestSession session = new BacktestSession(label, runConfig, instruments, strategyConfig, registry);
        return drive.run(session, done -> bar.update(before + done, System.nanoTime(), false));
    }

    private static StrategyRegistry registry(EngineConfig runConfig, List<String> names, StrategyLibrary library) {
        return StrategyRegistry.create(runConfig.strategies().withActive(names), library);
    }

    /** Prints what the stored candles hold; returns the candle count (progress units per run). */
    private long describe(Instruments instruments, BacktestCandles candles, LocalDate fromDate, LocalDate toDate) {
        final StringBuilder counts = new StringBuilder();
        for (int id = 0; id < instruments.size(); id++) {
            final String symbol = instruments.get(id).symbol();
            counts.append(id == 0 ? "" : ", ").append(symbol).append(' ').append(candles.count(id));
            if (candles.count(id) == 0) {
                console.println("warning: no candles for " + symbol + " in " + dataDir.resolve("candles")
                    .resolve(symbol) + " between " + fromDate + " and " + toDate);
                LOG.info("Backtest: no candles for {} between {} and {}", symbol, fromDate, toDate);
            }
        }
        final String line = String.format(Locale.ROOT, "Backtest %s..%s: %,d candles (%s) over %,d minutes",
            fromDate, toDate, candles.size(), counts, candles.minutes());
        console.println(line);
        LOG.info(line);
        return candles.size();
    }

    private ObjectNode header(EngineConfig runConfig, Instruments instruments, BacktestCandles candles,
                              LocalDate fromDate, LocalDate toDate) {
        final ObjectNode h = new ObjectMapper().createObjectNode();
        h.put("source", journal == null ? "candles" : "journal");
        if (journal != null) {
            h.put("journal", journal.toString());
        }
        h.put("from", fromDate == null ? null : fromDate.toString());
        h.put("to", toDate == null ? null : toDate.toString());
        final ObjectNode counts = h.putObject("candles");
        final ArrayNode symbols = h.putArray("symbols");
        for (int id = 0; id < instruments.size(); id++) {
            symbols.add(instruments.get(id).symbol());
            counts.put(instruments.get(id).symbol(), candles.count(id));
        }
        h.put("minutes", candles.minutes());
        h.put("first_candle", candles.size() == 0 ? null : Rfc3339.formatMicros(candles.candles()[0].openTimeNs));
        h.put("last_candle", candles.size() == 0 ? null
            : Rfc3339.formatMicros(candles.candles()[candles.size() - 1].openTimeNs));
        h.put("starting_cash", BacktestFiles.money(runConfig.portfolio().startingCashE8()));
        h.put("taker_fee_bps", runConfig.portfolio().takerFeeBps());
        h.put("maker_fee_bps", runConfig.portfolio().makerFeeBps());
        h.put("entry_type", runConfig.orders().entryType());
        h.put("slippage_bps", runConfig.portfolio().slippageBps());
        h.put("min_candles", runConfig.strategies().minCandles());
        return h;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(option, "'" + text + "' is not a date (YYYY-MM-DD, UTC)");
        }
    }
}
