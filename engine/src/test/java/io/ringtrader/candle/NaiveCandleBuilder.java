package io.ringtrader.candle;

import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The obvious, slow candle builder: keeps every trade in lists and recomputes each candle when it closes. */
final class NaiveCandleBuilder {
    private static final long MINUTE = CandleStore.MINUTE_NS;

    private record Trade(long ts, long price, long size, long arrival) {
    }

    private final int instruments;
    private final long graceNs;
    private final Map<String, List<Trade>> trades = new HashMap<>();
    private final Set<String> incompleteMarks = new HashSet<>();
    private final Long[] next;
    private final Long[] first;
    private final long[] lastClose;
    private long maxTime = Long.MIN_VALUE;
    /** After a connect: products whose minutes wait for their own snapshot or first live trade (max 120 s). */
    private final boolean[] awaiting;
    private final Long[] emittedThrough;
    private Long awaitStart;
    private long arrival;
    long late;
    long rejected;

    NaiveCandleBuilder(int instruments, long graceMs) {
        this.instruments = instruments;
        this.graceNs = graceMs * 1_000_000L;
        this.next = new Long[instruments];
        this.first = new Long[instruments];
        this.lastClose = new long[instruments];
        this.awaiting = new boolean[instruments];
        this.emittedThrough = new Long[instruments];
    }

    private static boolean closedAt(long minute, long time, long graceNs) {
        return time != Long.MIN_VALUE && (minute + 1) * MINUTE + graceNs <= time;
    }

    /** Stops waiting for {@code id}'s snapshot and emits what the clock at {@code time} has closed. */
    private void release(int id, long time, List<Candle> out) {
        awaiting[id] = false;
        while (next[id] != null && closedAt(next[id], time, graceNs)) {
            emit(id, out);
        }
    }

    private void emit(int id, List<Candle> out) {
        out.add(build(id, next[id]));
        emittedThrough[id] = next[id];
        next[id] = next[id] + 1;
    }

    private boolean closed(long minute) {
        return maxTime != Long.MIN_VALUE && (minute + 1) * MINUTE + graceNs <= maxTime;
    }

    /** Processes one event and returns the candles it closed, in instrument then time order. */
    List<Candle> process(MarketEvent e) {
        final List<Candle> out = new ArrayList<>();
        if (e.type == EventType.TRADE) {
            if (e.instrumentId < 0 || e.instrumentId >= instruments || e.priceE8 <= 0 || e.sizeE8 <= 0) {
                rejected++;
                return out;
            }
            if (awaiting[e.instrumentId]) {
                release(e.instrumentId, maxTime, out);
            }
            advance(e.timestampNs, out);
            final long m = Math.floorDiv(e.timestampNs, MINUTE);
            final Long done = emittedThrough[e.instrumentId];
            if ((closed(m) && !awaiting[e.instrumentId]) || (done != null && m <= done)) {
                late++;
                return out;
            }
            final int id = e.instrumentId;
            if (next[id] == null || m < next[id]) {
                next[id] = m;
            }
            if (first[id] == null) {
                first[id] = m;
            }
            trades.computeIfAbsent(id + ":" + m, k -> new ArrayList<>())
                .add(new Trade(e.timestampNs, e.priceE8, e.sizeE8, arrival++));
            if ((e.flags & TradeFlags.AFTER_DROP) != 0) {
                incompleteMarks.add(id + ":" + m);
            }
        } else if (e.type == EventType.HEARTBEAT) {
            advance(e.timestampNs, out);
        } else if (e.type == EventType.GAP) {
            mark(e.instrumentId);
        } else if (e.type == EventType.FEED_STATUS && e.value == FeedStatus.CONNECTED) {
            Arrays.fill(awaiting, true);
            awaitStart = null;
        } else if (e.type == EventType.FEED_STATUS && e.value == FeedStatus.DISCONNECTED) {
            mark(-1);
        }
        return out;
    }

    /** True while minute {@code m} of {@code id} can still take trades (a waiting product's old minutes too). */
    private boolean open(int id, long m) {
        if (!awaiting[id]) {
            return !closed(m);
        }
        return next[id] != null && m >= next[id];
    }

    private void mark(int instrument) {
        if (maxTime == Long.MIN_VALUE) {
            return;
        }
        for (int id = 0; id < instruments; id++) {
            if (instrument >= 0 && id != instrument) {
                continue;
            }
            for (long m = Math.floorDiv(maxTime, MINUTE); open(id, m); m--) {
                incompleteMarks.add(id + ":" + m);
            }
        }
    }

    private void advance(long ts, List<Candle> out) {
        if (ts <= maxTime) {
            return;
        }
        final long before = maxTime;
        maxTime = ts;
        boolean any = false;
        for (boolean a : awaiting) {
            any |= a;
        }
        if (any && awaitStart == null) {
            awaitStart = ts;
        } else if (any && ts - awaitStart > 120_000_000_000L) {
            for (int id = 0; id < instruments; id++) {
                if (awaiting[id]) {
                    release(id, before, out);
                }
            }
        }
        for (int id = 0; id < instruments; id++) {
            while (!awaiting[id] && next[id] != null && closed(next[id])) {
                emit(id, out);
            }
        }
    }

    private Candle build(int id, long m) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = m * MINUTE;
        final List<Trade> list = trades.remove(id + ":" + m);
        if (list == null) {
            c.openE8 = lastClose[id];
            c.highE8 = lastClose[id];
            c.lowE8 = lastClose[id];
            c.closeE8 = lastClose[id];
        } else {
            Trade open = list.get(0);
            Trade close = list.get(0);
            c.highE8 = Long.MIN_VALUE;
            c.lowE8 = Long.MAX_VALUE;
            for (Trade t : list) {
                if (t.ts < open.ts || (t.ts == open.ts && t.arrival < open.arrival)) {
                    open = t;
                }
                if (t.ts > close.ts || (t.ts == close.ts && t.arrival > close.arrival)) {
                    close = t;
                }
                c.highE8 = Math.max(c.highE8, t.price);
                c.lowE8 = Math.min(c.lowE8, t.price);
                c.volumeE8 += t.size;
                c.notionalE8 += FixedPoint.multiply(t.price, t.size);
                c.tradeCount++;
            }
            c.openE8 = open.price;
            c.closeE8 = close.price;
        }
        c.complete = !incompleteMarks.remove(id + ":" + m) && m > first[id];
        lastClose[id] = c.closeE8;
        return c;
    }
}
