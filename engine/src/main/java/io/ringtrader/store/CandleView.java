package io.ringtrader.store;

import io.ringtrader.event.Candle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The closed candles of the retention window per instrument, for readers off the ring (the dashboard). Written only
 * by the Parquet writer's thread, from the copies it already takes off its hand-off queue, so the candle stage does
 * no extra work; read by any thread through lock-free sorted maps. A candle object is never changed once added.
 */
public final class CandleView {
    private final List<ConcurrentSkipListMap<Long, Candle>> byInstrument;
    private final long retentionNs;

    /** A view of {@code instruments} instruments keeping {@code retentionDays} behind each one's newest candle. */
    public CandleView(int instruments, int retentionDays) {
        final List<ConcurrentSkipListMap<Long, Candle>> maps = new ArrayList<>(instruments);
        for (int i = 0; i < instruments; i++) {
            maps.add(new ConcurrentSkipListMap<>());
        }
        byInstrument = List.copyOf(maps);
        retentionNs = retentionDays * 1440L * 60_000_000_000L;
    }

    /** Writer thread: takes {@code candle} (not copied: the caller hands over an object it no longer changes). */
    void add(Candle candle) {
        final ConcurrentSkipListMap<Long, Candle> map = byInstrument.get(candle.instrumentId);
        map.put(candle.openTimeNs, candle);
        final Map.Entry<Long, Candle> first = map.firstEntry();
        if (first != null && first.getKey() < candle.openTimeNs - retentionNs) {
            map.headMap(candle.openTimeNs - retentionNs).clear();
        }
    }

    /** Number of instruments. */
    public int instruments() {
        return byInstrument.size();
    }

    /** The candles of {@code instrumentId} whose minute starts in [{@code fromNs}, {@code toNs}), oldest first. */
    public List<Candle> range(int instrumentId, long fromNs, long toNs) {
        if (fromNs >= toNs) {
            return List.of();
        }
        final ConcurrentNavigableMap<Long, Candle> sub = byInstrument.get(instrumentId).subMap(fromNs, toNs);
        return new ArrayList<>(sub.values());
    }

    /** Open time of the newest candle of {@code instrumentId}, or {@code Long.MIN_VALUE} when there is none. */
    public long newestOpenNs(int instrumentId) {
        final Map.Entry<Long, Candle> last = byInstrument.get(instrumentId).lastEntry();
        return last == null ? Long.MIN_VALUE : last.getKey();
    }

    /** The newest candle of {@code instrumentId} at or before {@code timeNs}, or null. */
    public Candle atOrBefore(int instrumentId, long timeNs) {
        final Map.Entry<Long, Candle> e = byInstrument.get(instrumentId).floorEntry(timeNs);
        return e == null ? null : e.getValue();
    }
}
