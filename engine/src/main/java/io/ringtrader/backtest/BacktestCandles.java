package io.ringtrader.backtest;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.store.ParquetCandleReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The input of a backtest: every symbol's stored candles whose UTC day lies in [from, to], merged into one stream
 * ordered by open time, then instrument id (the order the live candle stage closes them in). Immutable after
 * {@link #load}; read by one thread at a time.
 */
public final class BacktestCandles {
    /** Orders candles by minute, then instrument: deterministic whatever order the files were read in. */
    static final Comparator<Candle> TIME_ORDER = Comparator.<Candle>comparingLong(c -> c.openTimeNs)
        .thenComparingInt(c -> c.instrumentId);

    private final Candle[] candles;
    private final int[] countBySymbol;
    private final int minutes;

    private BacktestCandles(Candle[] candles, int[] countBySymbol) {
        this.candles = candles;
        this.countBySymbol = countBySymbol;
        int m = 0;
        for (int i = 0; i < candles.length; i++) {
            if (i == 0 || candles[i].openTimeNs != candles[i - 1].openTimeNs) {
                m++;
            }
        }
        this.minutes = m;
    }

    /** Reads each instrument's candles from {@code dataDir/candles/SYMBOL/} for the days [from, to]. */
    public static BacktestCandles load(Path dataDir, Instruments instruments, LocalDate from, LocalDate to) {
        final List<List<Candle>> perInstrument = new ArrayList<>();
        for (int id = 0; id < instruments.size(); id++) {
            perInstrument.add(ParquetCandleReader.read(dataDir, instruments.get(id).symbol(), id, from, to));
        }
        return of(perInstrument);
    }

    /** Merges per-instrument series (index = instrument id, candles already stamped with it). */
    static BacktestCandles of(List<List<Candle>> perInstrument) {
        final List<Candle> all = new ArrayList<>();
        final int[] counts = new int[perInstrument.size()];
        for (int id = 0; id < perInstrument.size(); id++) {
            counts[id] = perInstrument.get(id).size();
            all.addAll(perInstrument.get(id));
        }
        all.sort(TIME_ORDER);
        return new BacktestCandles(all.toArray(new Candle[0]), counts);
    }

    /** The merged candles, in time order (do not modify). */
    public Candle[] candles() {
        return candles;
    }

    /** Number of candles. */
    int size() {
        return candles.length;
    }

    /** Candles read for instrument {@code id}. */
    int count(int id) {
        return countBySymbol[id];
    }

    /** Distinct minutes holding at least one candle. */
    int minutes() {
        return minutes;
    }
}
