package io.ringtrader.history;

import io.ringtrader.agent.AgentThread;
import io.ringtrader.config.HistoryConfig;
import io.ringtrader.config.RestEndpoint;
import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Repairs, in the background, the archived minutes the live engine marked incomplete, from the REST candles API
 * ({@code history.repair_after_reconnect}): once after start-up (a restart leaves its first minute incomplete) and
 * after every reconnect of the feed, it waits {@code repair_delay_seconds} (so the minutes have closed and reached
 * the Parquet archive), then reads each symbol's two newest archive days, and lets the {@link HistoryDownloader}
 * fetch the span of their incomplete trade-built minutes. The fetched candles go to the Parquet writer, the one
 * writer of those files, which puts them in place of incomplete candles only (recorded {@code rest_repair}), never
 * of complete trade-built ones. A failed pass is logged and tried again after twice the wait, up to
 * {@code max_passes}; it never stops the engine. Its own {@code rest-repair} thread (an Agent), far from the Netty
 * I/O thread and the ring; counters readable from any thread.
 */
public final class ReconnectRepair implements Agent, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger("io.ringtrader.download");
    private static final long NONE = Long.MIN_VALUE;
    private static final int DAYS_SCANNED = 2;

    /** Where repaired candles go: the Parquet writer's {@code repair(instrumentId, candle)}. */
    @FunctionalInterface
    public interface Sink {
        /** Takes over {@code rest} for instrument {@code instrumentId}. */
        void repair(int instrumentId, Candle rest);
    }

    private final Path dataDir;
    private final List<String> symbols;
    private final String quoteCurrency;
    private final HistoryConfig config;
    private final CandlesClient client;
    private final LongSupplier reconnects;
    private final Sink sink;
    private long seenReconnects;
    private long dueNs;
    private int failedPasses;
    private AgentThread agent;
    private volatile long passes;
    private volatile long failures;
    private volatile long candlesSent;
    private volatile long windows;

    /**
     * A repairer of {@code symbols} (index = instrument id) under {@code dataDir} from {@code config.apiUrl()}
     * (checked: a bad URL is a {@code history.api_url} configuration error), woken by {@code reconnects} rising.
     */
    public ReconnectRepair(Path dataDir, List<String> symbols, String quoteCurrency, HistoryConfig config,
                           LongSupplier reconnects, Sink sink) {
        final URI api = RestEndpoint.parse("history.api_url", config.apiUrl());
        final CandlesClient.Settings d = CandlesClient.Settings.defaults(config.requestsPerSecond());
        this.client = new CandlesClient(api, new CandlesClient.Settings(config.requestsPerSecond(),
            config.maxAttempts(), d.backoffBaseMs(), d.backoffMaxMs(), d.requestTimeout()));
        this.dataDir = dataDir;
        this.symbols = List.copyOf(symbols);
        this.quoteCurrency = quoteCurrency;
        this.config = config;
        this.reconnects = reconnects;
        this.sink = sink;
    }

    /** Starts the {@code rest-repair} thread; the first pass comes {@code repair_delay_seconds} after start-up. */
    public void start() {
        agent = AgentThread.start(this, AgentThread.timerIdle());
    }

    @Override
    public String roleName() {
        return "rest-repair";
    }

    @Override
    public void onStart() {
        seenReconnects = reconnects.getAsLong();
        dueNs = System.nanoTime() + delayNs(0);
    }

    @Override
    public int doWork() throws InterruptedException {
        final long nowNs = System.nanoTime();
        final long seen = reconnects.getAsLong();
        if (seen != seenReconnects) {
            seenReconnects = seen;
            failedPasses = 0;
            dueNs = nowNs + delayNs(0);
        }
        if (dueNs == NONE || nowNs - dueNs < 0) {
            return 0;
        }
        dueNs = NONE;
        try {
            pass();
            failedPasses = 0;
            passes++;
        } catch (IOException | RuntimeException e) {
            passes++;
            failures++;
            failedPasses++;
            if (failedPasses < config.maxPasses()) {
                dueNs = System.nanoTime() + delayNs(failedPasses);
                LOG.warn("Repair of incomplete minutes from REST failed ({}); trying again in {} s", e.toString(),
                    delayNs(failedPasses) / 1_000_000_000L);
            } else {
                LOG.warn("Repair of incomplete minutes from REST failed {} times ({}); left to the next reconnect"
                    + " or to download --repair", failedPasses, e.toString());
            }
        }
        return 1;
    }

    /** The wait before a pass after {@code failed} failed ones: the delay, doubled per failure, at least 1 s. */
    private long delayNs(int failed) {
        return Math.max(1, config.repairDelaySeconds()) * 1_000_000_000L << Math.min(failed, 10);
    }

    /** One pass over every symbol's newest archive days. */
    private void pass() throws IOException, InterruptedException {
        final List<DayPlan> plans = new ArrayList<>();
        for (String symbol : symbols) {
            for (LocalDate day : newestDays(symbol)) {
                final DayPlan plan = incomplete(symbol, day);
                if (plan != null) {
                    plans.add(plan);
                }
            }
        }
        if (plans.isEmpty()) {
            LOG.info("Repair pass: no incomplete minutes in the archive");
            return;
        }
        final HistoryDownloader downloader = new HistoryDownloader(dataDir, client, null, Long.MAX_VALUE / 2,
            (plan, changed) -> {
                final int id = symbols.indexOf(plan.symbol);
                for (Candle c : changed) {
                    sink.repair(id, c);
                    candlesSent++;
                }
            });
        final HistoryDownloader.Request request = new HistoryDownloader.Request(symbols, quoteCurrency,
            plans.get(0).day, plans.get(0).day, true);
        downloader.run(request, new HistoryDownloader.Plan(plans), n -> windows++);
        LOG.info("Repair pass from REST: {}", downloader.summary());
    }

    /** The symbol's newest archive days on disk (file names are the days). */
    private List<LocalDate> newestDays(String symbol) throws IOException {
        final Path dir = CandleParquetFiles.archiveFile(dataDir, symbol, LocalDate.EPOCH).getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        final List<LocalDate> days = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}\\.parquet"))
                .map(n -> LocalDate.parse(n.substring(0, 10))).sorted().forEach(days::add);
        }
        return days.subList(Math.max(0, days.size() - DAYS_SCANNED), days.size());
    }

    /** The plan over the span of {@code day}'s incomplete trade-built minutes, or null when it has none. */
    private DayPlan incomplete(String symbol, LocalDate day) throws IOException {
        final TreeMap<Long, Candle> onDisk = new TreeMap<>();
        long firstNs = Long.MAX_VALUE;
        long lastNs = Long.MIN_VALUE;
        for (Candle c : ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, symbol, day), -1)) {
            onDisk.put(c.openTimeNs, c);
            if (c.source == CandleSource.TRADES && !c.complete) {
                firstNs = Math.min(firstNs, c.openTimeNs);
                lastNs = Math.max(lastNs, c.openTimeNs);
            }
        }
        return firstNs > lastNs ? null
            : new DayPlan(symbol, day, firstNs, lastNs + DayPlan.MINUTE_NS, onDisk, true);
    }

    /** Stops the thread (a pass in flight finishes its request first; bounded wait). */
    @Override
    public void close() {
        if (agent != null) {
            agent.close(30_000);
        }
    }

    /** Passes run to their end (failed ones included). */
    public long passes() {
        return passes;
    }

    /** Passes that failed (logged, retried). */
    public long failures() {
        return failures;
    }

    /** REST candles handed to the writer. */
    public long candlesSent() {
        return candlesSent;
    }

    /** Request windows fetched. */
    public long windows() {
        return windows;
    }
}
