package io.ringtrader.history;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * {@code download}: fills the candle archive {@code DATA_DIR/candles/{SYM}/{day}.parquet} from the REST endpoint.
 * Per symbol-day it plans request windows over the minutes missing on disk (and, with {@code repair}, the
 * incomplete trade-built ones; see {@link DayPlan}), fetches each window, merges it and rewrites the day's file
 * atomically after every window, so an interrupted run loses at most the window in flight and the next run asks
 * only for what is still missing. A trade-built candle is never replaced, except an incomplete one by a repair
 * ({@link CandleSource#REST_REPAIR}). Minutes inside a window that REST has no candle for (no trade on the
 * exchange) become zero-volume candles at the previous close, as the live candle stage writes quiet minutes; a
 * window whose page holds no candle at all is fetched again twice and then left missing (an empty page may be a
 * fault). Single-threaded; the engine must not be writing the same days at the same time.
 */
public final class HistoryDownloader {
    private static final Logger LOG = LogManager.getLogger("io.ringtrader.download");
    private static final long NS_PER_S = 1_000_000_000L;
    /** Extra fetches of a window whose page came back without a candle in it. */
    private static final int EMPTY_PAGE_RETRIES = 2;

    /** What to download: symbols (base assets), their quote currency, the UTC days, repair or not. */
    public record Request(List<String> symbols, String quoteCurrency, LocalDate from, LocalDate to, boolean repair) {
    }

    private final Path dataDir;
    private final CandlesClient client;
    private final long nowNs;
    private final DaySink sink;
    private final DownloadStats stats = new DownloadStats();

    /**
     * Where a fetched window goes: {@code download} rewrites the day's file; the engine's repair hands the changed
     * candles to the Parquet writer, the one writer of the files it owns.
     */
    @FunctionalInterface
    interface DaySink {
        /** {@code changed} are the window's new or replaced candles; the plan's candles hold the whole day. */
        void accept(DayPlan day, List<Candle> changed) throws IOException;
    }

    /** The work of one request: the symbol-days and their request windows. */
    public static final class Plan {
        final List<DayPlan> days;

        Plan(List<DayPlan> days) {
            this.days = days;
        }

        /** Request windows to fetch (0: the archive already holds every minute). */
        public long windows() {
            return days.stream().mapToLong(d -> d.windows.size()).sum();
        }

        /** Symbol-days in the range (days not yet begun are left out). */
        public int days() {
            return days.size();
        }
    }

    /**
     * A downloader from {@code api} (checked by {@code RestEndpoint}) into {@code dataDir}, at most
     * {@code requestsPerSecond}, giving up on a window after {@code maxAttempts} failed attempts; minutes ending
     * after {@code nowNs} are not closed yet and not fetched.
     */
    public static HistoryDownloader create(Path dataDir, java.net.URI api, double requestsPerSecond, int maxAttempts,
                                           CompressionCodecName codec, long nowNs) {
        final CandlesClient.Settings d = CandlesClient.Settings.defaults(requestsPerSecond);
        return new HistoryDownloader(dataDir, new CandlesClient(api, new CandlesClient.Settings(requestsPerSecond,
            maxAttempts, d.backoffBaseMs(), d.backoffMaxMs(), d.requestTimeout())), codec, nowNs);
    }

    /** A downloader into {@code dataDir}, that treats minutes ending after {@code nowNs} as not yet closed. */
    HistoryDownloader(Path dataDir, CandlesClient client, CompressionCodecName codec, long nowNs) {
        this(dataDir, client, codec, nowNs, null);
    }

    /** As above, handing each fetched window to {@code sink} instead of rewriting the day's file (null: rewrite). */
    HistoryDownloader(Path dataDir, CandlesClient client, CompressionCodecName codec, long nowNs, DaySink sink) {
        this.dataDir = dataDir;
        this.client = client;
        this.nowNs = nowNs;
        this.sink = sink != null ? sink : (plan, changed) -> {
            CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, plan.symbol, plan.day),
                plan.symbol, new ArrayList<>(plan.candles.values()), codec);
            stats.filesWritten++;
        };
    }

    /** Plans every symbol-day of {@code request} (reads the files on disk). */
    public Plan plan(Request request) throws IOException {
        final List<DayPlan> plans = new ArrayList<>();
        final long lastClosedNs = Math.floorDiv(nowNs, DayPlan.MINUTE_NS) * DayPlan.MINUTE_NS;
        for (String symbol : request.symbols()) {
            for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
                final long fromNs = CandleParquetFiles.startNs(day);
                final long toNs = Math.min(CandleParquetFiles.startNs(day.plusDays(1)), lastClosedNs);
                if (toNs <= fromNs) {
                    continue;
                }
                plans.add(new DayPlan(symbol, day, fromNs, toNs, onDisk(symbol, day), request.repair()));
            }
        }
        return new Plan(plans);
    }

    /** Runs {@code plan}; {@code windowsDone} hears the running count of fetched windows. */
    public DownloadStats run(Request request, Plan plan, LongConsumer windowsDone)
        throws IOException, InterruptedException {
        for (DayPlan day : plan.days) {
            stats.days++;
            final String product = day.symbol + "-" + request.quoteCurrency();
            for (long[] window : day.windows) {
                fetchWindow(product, day, window[0], window[1], request.repair());
                stats.windows++;
                windowsDone.accept(stats.windows);
            }
        }
        return stats;
    }

    private void fetchWindow(String product, DayPlan plan, long fromNs, long toNs, boolean repair)
        throws IOException, InterruptedException {
        TreeMap<Long, Candle> page = new TreeMap<>();
        for (int attempt = 0; attempt <= EMPTY_PAGE_RETRIES && page.isEmpty(); attempt++) {
            page = inWindow(client.fetch(product, fromNs / NS_PER_S, (toNs - DayPlan.MINUTE_NS) / NS_PER_S),
                fromNs, toNs);
            if (page.isEmpty()) {
                stats.emptyPages++;
            }
        }
        if (page.isEmpty()) {
            stats.emptyWindows++;
            LOG.warn("{} {}: no candle between {} and {} in {} pages; left missing for the next run", product,
                plan.day, fromNs / NS_PER_S, toNs / NS_PER_S, EMPTY_PAGE_RETRIES + 1);
            return;
        }
        final TreeMap<Long, Candle> day = plan.candles;
        final List<Candle> changed = new ArrayList<>();
        for (long m = fromNs; m < toNs; m += DayPlan.MINUTE_NS) {
            final Candle existing = day.get(m);
            if (!DayPlan.needs(existing, repair)) {
                if (existing != null && existing.source == CandleSource.TRADES && page.containsKey(m)) {
                    stats.keptFromTrades++;
                }
                continue;
            }
            final Candle rest = page.get(m);
            if (rest != null) {
                if (existing != null) {
                    rest.source = CandleSource.REST_REPAIR;
                    stats.repaired++;
                } else {
                    stats.restCandles++;
                }
                day.put(m, rest);
                changed.add(rest);
            } else if (existing != null) {
                stats.unrepaired++;
            } else {
                final Candle filler = filler(m, previousClose(plan, m, page));
                day.put(m, filler);
                changed.add(filler);
                stats.fillers++;
            }
        }
        sink.accept(plan, changed);
    }

    /** The page's candles that open inside [fromNs, toNs), by minute; the first of duplicates is kept. */
    private TreeMap<Long, Candle> inWindow(CandlesPage page, long fromNs, long toNs) {
        final TreeMap<Long, Candle> byMinute = new TreeMap<>();
        for (Candle c : page.candles()) {
            if (c.openTimeNs < fromNs || c.openTimeNs >= toNs) {
                stats.outsideWindow++;
            } else if (byMinute.putIfAbsent(c.openTimeNs, c) != null) {
                stats.duplicates++;
            }
        }
        return byMinute;
    }

    /**
     * The close before minute {@code m}: the day's candle before it, else the previous day's last candle on disk,
     * else (the first minutes of a symbol's history) the open of the first candle REST returned after it.
     */
    private long previousClose(DayPlan plan, long m, TreeMap<Long, Candle> page) throws IOException {
        final Map.Entry<Long, Candle> before = plan.candles.lowerEntry(m);
        if (before != null) {
            return before.getValue().closeE8;
        }
        final TreeMap<Long, Candle> previousDay = onDisk(plan.symbol, plan.day.minusDays(1));
        if (!previousDay.isEmpty()) {
            return previousDay.lastEntry().getValue().closeE8;
        }
        final Map.Entry<Long, Candle> after = page.higherEntry(m);
        return after.getValue().openE8;
    }

    private static Candle filler(long minuteNs, long priceE8) {
        final Candle c = new Candle();
        c.instrumentId = -1;
        c.openTimeNs = minuteNs;
        c.openE8 = priceE8;
        c.highE8 = priceE8;
        c.lowE8 = priceE8;
        c.closeE8 = priceE8;
        c.complete = true;
        c.source = CandleSource.REST;
        return c;
    }

    /** The day's archive file by minute; an unreadable file is an error (it is not overwritten). */
    private TreeMap<Long, Candle> onDisk(String symbol, LocalDate day) throws IOException {
        final Path file = CandleParquetFiles.archiveFile(dataDir, symbol, day);
        final TreeMap<Long, Candle> byMinute = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return byMinute;
        }
        for (Candle c : ParquetCandleReader.readFile(file, -1)) {
            byMinute.put(c.openTimeNs, c);
        }
        return byMinute;
    }

    /** Windows fetched so far. */
    public long windowsDone() {
        return stats.windows;
    }

    /** One line saying what the run did, requests and retries included. */
    public String summary() {
        return stats.summary(client);
    }

    /** The request counters. */
    CandlesClient client() {
        return client;
    }
}
