package io.ringtrader.store;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet writer's view of one symbol: the candles of the retention window (event time, relative to the newest
 * candle) and which files need rewriting. Rows already on disk from an earlier run are merged in first (the rolling
 * file at start-up, a day's archive file when that day is first touched), so a restart never shrinks a file. A past
 * day's archive file is sealed (never rewritten) once it has been flushed after the day ended. Writer thread only.
 */
final class SymbolCandles {
    private static final Logger LOG = LogManager.getLogger(SymbolCandles.class);

    private final String symbol;
    private final Path dataDir;
    private final long retentionNs;
    private final CompressionCodecName codec;
    private final TreeMap<Long, Candle> recent = new TreeMap<>();
    private final TreeSet<LocalDate> dirtyDays = new TreeSet<>();
    private final Set<LocalDate> mergedDays = new HashSet<>();
    private final Set<LocalDate> sealedDays = new HashSet<>();
    private boolean historicalDirty;
    private long candlesForSealedDays;

    SymbolCandles(String symbol, Path dataDir, int retentionDays, CompressionCodecName codec) {
        this.symbol = symbol;
        this.dataDir = dataDir;
        this.retentionNs = retentionDays * 1440L * 60_000_000_000L;
        this.codec = codec;
    }

    /** Loads the rolling file written by an earlier run (if any) so the next rewrite keeps its rows. */
    void load() {
        final Path file = CandleParquetFiles.historicalFile(dataDir, symbol);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (Candle c : ParquetCandleReader.readFile(file, -1)) {
                recent.put(c.openTimeNs, c);
            }
            LOG.info("Loaded {} candles of {} from {}", recent.size(), symbol, file);
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); it will be rewritten from new candles only", file, e.getMessage());
        }
    }

    /** Hands the loaded candles to {@code view} as instrument {@code instrumentId} (rows read from disk). */
    void publishTo(CandleView view, int instrumentId) {
        for (Candle c : recent.values()) {
            c.instrumentId = instrumentId;
            view.add(c);
        }
    }

    /** Takes ownership of {@code candle} (a fresh copy). */
    void add(Candle candle) {
        final LocalDate day = CandleParquetFiles.dayOf(candle.openTimeNs);
        if (sealedDays.contains(day)) {
            candlesForSealedDays++;
            if (Long.bitCount(candlesForSealedDays) == 1) {
                LOG.warn("Candle of {} at {} is for {}, already archived; kept in the rolling file only ({} so far)",
                    symbol, candle.openTimeNs, day, candlesForSealedDays);
            }
        } else {
            mergeArchivedDay(day);
            dirtyDays.add(day);
        }
        recent.put(candle.openTimeNs, candle);
        historicalDirty = true;
    }

    /**
     * Puts REST's candle {@code rest} (a fresh copy) in place of the minute's candle when that is an incomplete
     * trade-built one, or missing; a complete trade-built candle, or one already from REST, is never replaced.
     * The day is rewritten at the next flush, even a sealed one (merged from its file first, so nothing is lost).
     * Returns whether it replaced anything.
     */
    boolean repair(Candle rest) {
        final LocalDate day = CandleParquetFiles.dayOf(rest.openTimeNs);
        mergeArchivedDay(day);
        final Candle existing = recent.get(rest.openTimeNs);
        if (existing != null && (existing.source != CandleSource.TRADES || existing.complete)) {
            return false;
        }
        rest.source = existing == null ? CandleSource.REST : CandleSource.REST_REPAIR;
        recent.put(rest.openTimeNs, rest);
        dirtyDays.add(day);
        historicalDirty = true;
        return true;
    }

    /** Rewrites every dirty archive day, then the rolling file; returns files written. Throws on I/O error. */
    int flush() throws IOException {
        int written = 0;
        final LocalDate latestDay = recent.isEmpty() ? null : CandleParquetFiles.dayOf(recent.lastKey());
        while (!dirtyDays.isEmpty()) {
            final LocalDate day = dirtyDays.first();
            final long from = CandleParquetFiles.startNs(day);
            final long to = CandleParquetFiles.startNs(day.plusDays(1));
            CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, symbol, day), symbol,
                new ArrayList<>(recent.subMap(from, to).values()), codec);
            written++;
            dirtyDays.pollFirst();
            if (latestDay != null && day.isBefore(latestDay)) {
                sealedDays.add(day);
                mergedDays.remove(day);
            }
        }
        if (!recent.isEmpty()) {
            recent.headMap(recent.lastKey() - retentionNs, true).clear();
        }
        if (historicalDirty) {
            CandleParquetFiles.writeAtomically(CandleParquetFiles.historicalFile(dataDir, symbol), symbol,
                new ArrayList<>(recent.values()), codec);
            written++;
            historicalDirty = false;
        }
        return written;
    }

    /** Candles held for the rolling file. */
    int size() {
        return recent.size();
    }

    /** Candles that arrived for an already sealed day. */
    long candlesForSealedDays() {
        return candlesForSealedDays;
    }

    private void mergeArchivedDay(LocalDate day) {
        if (!mergedDays.add(day)) {
            return;
        }
        final Path file = CandleParquetFiles.archiveFile(dataDir, symbol, day);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (Candle c : ParquetCandleReader.readFile(file, -1)) {
                recent.putIfAbsent(c.openTimeNs, c);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); it will be rewritten from the candles in memory", file, e.getMessage());
        }
    }
}
