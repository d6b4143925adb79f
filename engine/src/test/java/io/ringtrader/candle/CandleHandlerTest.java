package io.ringtrader.candle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.ringtrader.config.CandleConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandleHandlerTest {
    private static final long MIN = CandleStore.MINUTE_NS;
    private static final long SEC = 1_000_000_000L;
    /** 2026-01-01T00:00:00Z. */
    private static final long T0 = 1_767_225_600L * SEC;

    private final MarketEvent event = new MarketEvent(64);
    private final List<Candle> sunk = new ArrayList<>();

    private CandleHandler handler(long graceMs, int instruments) {
        return handler(graceMs, instruments, 7);
    }

    private CandleHandler handler(long graceMs, int instruments, int retentionDays) {
        return new CandleHandler(new CandleConfig(graceMs, retentionDays), instruments,
            new CandleStore(instruments, retentionDays), c -> {
                final Candle copy = new Candle();
                copy.copyFrom(c);
                return sunk.add(copy);
            });
    }

    private List<Candle> trade(CandleHandler h, int id, long ts, String price, String size) {
        return trade(h, id, ts, FixedPoint.parse(price), FixedPoint.parse(size), 0);
    }

    private List<Candle> trade(CandleHandler h, int id, long ts, long priceE8, long sizeE8, int flags) {
        event.clear();
        event.type = EventType.TRADE;
        event.instrumentId = id;
        event.timestampNs = ts;
        event.priceE8 = priceE8;
        event.sizeE8 = sizeE8;
        event.flags = flags;
        return send(h);
    }

    private void status(CandleHandler h, long value, long ts) {
        event.clear();
        event.type = EventType.FEED_STATUS;
        event.value = value;
        event.timestampNs = ts;
        h.onEvent(event, 0, true);
    }

    private List<Candle> heartbeat(CandleHandler h, long ts) {
        event.clear();
        event.type = EventType.HEARTBEAT;
        event.timestampNs = ts;
        return send(h);
    }

    private List<Candle> gap(CandleHandler h, int id) {
        event.clear();
        event.type = EventType.GAP;
        event.instrumentId = id;
        event.value = 3;
        return send(h);
    }

    private List<Candle> send(CandleHandler h) {
        h.onEvent(event, 0, true);
        final List<Candle> out = new ArrayList<>();
        for (int i = 0; i < event.closedCandles.size(); i++) {
            final Candle c = new Candle();
            c.copyFrom(event.closedCandles.get(i));
            out.add(c);
        }
        return out;
    }

    @Test
    void shouldBuildOhlcvFromTradesByExchangeTimeAndCloseAfterGrace() {
        final CandleHandler h = handler(2_000, 1);
        trade(h, 0, T0 + MIN + 1 * SEC, "100", "1");
        trade(h, 0, T0 + MIN + 5 * SEC, "105", "2");
        trade(h, 0, T0 + MIN + 3 * SEC, "99", "1"); // out of order: not the close
        trade(h, 0, T0 + MIN + 59 * SEC, "101.5", "0.5");
        assertThat(heartbeat(h, T0 + 2 * MIN + 1_999_999_999L)).isEmpty();
        final List<Candle> closed = heartbeat(h, T0 + 2 * MIN + 2 * SEC);
        assertThat(closed).hasSize(1);
        final Candle c = closed.get(0);
        assertThat(c.openTimeNs).isEqualTo(T0 + MIN);
        assertThat(c.openE8).isEqualTo(FixedPoint.parse("100"));
        assertThat(c.highE8).isEqualTo(FixedPoint.parse("105"));
        assertThat(c.lowE8).isEqualTo(FixedPoint.parse("99"));
        assertThat(c.closeE8).isEqualTo(FixedPoint.parse("101.5"));
        assertThat(c.volumeE8).isEqualTo(FixedPoint.parse("4.5"));
        assertThat(c.notionalE8).isEqualTo(FixedPoint.parse("459.75"));
        assertThat(c.tradeCount).isEqualTo(4);
        assertThat(sunk).hasSize(1);
        assertThat(h.candlesClosed()).isEqualTo(1);
    }

    @Test
    void shouldTakeOpenFromEarliestAndCloseFromLatestTimestampWithTiesByArrival() {
        final CandleHandler h = handler(0, 1);
        trade(h, 0, T0 + 10 * SEC, "2", "1");
        trade(h, 0, T0 + 10 * SEC, "3", "1");
        trade(h, 0, T0 + 5 * SEC, "4", "1");
        trade(h, 0, T0 + 5 * SEC, "5", "1");
        final Candle c = heartbeat(h, T0 + MIN).get(0);
        assertThat(c.openE8).isEqualTo(4 * FixedPoint.ONE);
        assertThat(c.closeE8).isEqualTo(3 * FixedPoint.ONE);
    }

    @Test
    void shouldMarkFirstMinuteAfterStartIncompleteAndLaterOnesComplete() {
        final CandleHandler h = handler(0, 1);
        trade(h, 0, T0 + 30 * SEC, "1", "1");
        trade(h, 0, T0 + MIN + 30 * SEC, "1", "1");
        heartbeat(h, T0 + 2 * MIN);
        assertThat(sunk).extracting(c -> c.complete).containsExactly(false, true);
        assertThat(h.incompleteCandles()).isEqualTo(1);
    }

    @Test
    void shouldEmitZeroVolumeFillersAtPreviousCloseForQuietMinutes() {
        final CandleHandler h = handler(0, 2);
        trade(h, 1, T0 + 30 * SEC, "7", "1");
        final List<Candle> closed = heartbeat(h, T0 + 4 * MIN);
        assertThat(closed).hasSize(4);
        for (int i = 1; i < 4; i++) {
            final Candle c = closed.get(i);
            assertThat(c.instrumentId).isEqualTo(1);
            assertThat(c.openTimeNs).isEqualTo(T0 + i * MIN);
            assertThat(c.openE8).isEqualTo(7 * FixedPoint.ONE);
            assertThat(c.closeE8).isEqualTo(7 * FixedPoint.ONE);
            assertThat(c.volumeE8).isZero();
            assertThat(c.tradeCount).isZero();
            assertThat(c.complete).isTrue();
        }
        assertThat(h.fillerCandles()).isEqualTo(3);
    }

    @Test
    void shouldCountLateTradeAndNotMergeIt() {
        final CandleHandler h = handler(1_000, 1);
        trade(h, 0, T0 + 10 * SEC, "10", "1");
        trade(h, 0, T0 + MIN + 2 * SEC, "11", "1"); // closes minute 0
        trade(h, 0, T0 + 20 * SEC, "99", "5");
        assertThat(h.lateTrades()).isEqualTo(1);
        assertThat(sunk).hasSize(1);
        assertThat(sunk.get(0).highE8).isEqualTo(10 * FixedPoint.ONE);
        final Candle next = heartbeat(h, T0 + 3 * MIN).get(0);
        assertThat(next.volumeE8).isEqualTo(FixedPoint.ONE);
    }

    @Test
    void shouldMergeOutOfOrderTradeWithinGrace() {
        final CandleHandler h = handler(5_000, 1);
        trade(h, 0, T0 + 10 * SEC, "10", "1");
        trade(h, 0, T0 + MIN + 2 * SEC, "11", "1");
        trade(h, 0, T0 + 59 * SEC, "12", "1");
        final Candle c = heartbeat(h, T0 + MIN + 5 * SEC).get(0);
        assertThat(c.closeE8).isEqualTo(12 * FixedPoint.ONE);
        assertThat(c.tradeCount).isEqualTo(2);
        assertThat(h.lateTrades()).isZero();
    }

    @Test
    void shouldRejectTradeWithNonPositivePriceOrSize() {
        final CandleHandler h = handler(0, 1);
        trade(h, 0, T0, 0, FixedPoint.ONE, 0);
        trade(h, 0, T0, FixedPoint.ONE, -1, 0);
        trade(h, 5, T0, FixedPoint.ONE, FixedPoint.ONE, 0);
        trade(h, 0, T0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0);
        assertThat(h.rejectedTrades()).isEqualTo(4);
        assertThat(h.trades()).isZero();
        assertThat(heartbeat(h, T0 + 10 * MIN)).isEmpty();
    }

    @Test
    void shouldMarkMinuteIncompleteOnGapDropAndDisconnect() {
        final CandleHandler h = handler(0, 2);
        trade(h, 0, T0 + 1 * SEC, "1", "1");
        trade(h, 1, T0 + 1 * SEC, "1", "1");
        heartbeat(h, T0 + MIN);
        trade(h, 0, T0 + MIN + SEC, "1", "1");
        gap(h, 0);
        heartbeat(h, T0 + 2 * MIN);
        trade(h, 1, T0 + 2 * MIN + SEC, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.AFTER_DROP);
        heartbeat(h, T0 + 3 * MIN);
        event.clear();
        event.type = EventType.FEED_STATUS;
        event.value = FeedStatus.DISCONNECTED;
        h.onEvent(event, 0, true);
        final List<Candle> last = heartbeat(h, T0 + 4 * MIN);
        assertThat(sunk).filteredOn(c -> c.instrumentId == 0).extracting(c -> c.complete)
            .containsExactly(false, false, true, false);
        assertThat(sunk).filteredOn(c -> c.instrumentId == 1).extracting(c -> c.complete)
            .containsExactly(false, true, false, false);
        assertThat(last).hasSize(2);
    }

    private void tradeId(CandleHandler h, int id, long ts, long tradeId) {
        event.clear();
        event.type = EventType.TRADE;
        event.instrumentId = id;
        event.timestampNs = ts;
        event.priceE8 = FixedPoint.ONE;
        event.sizeE8 = FixedPoint.ONE;
        event.tradeId = tradeId;
        send(h);
    }

    private List<Boolean> completeness(int id) {
        return sunk.stream().filter(c -> c.instrumentId == id).map(c -> c.complete).toList();
    }

    @Test
    void shouldKeepTheMinuteOpenAcrossAStopAndRestartCompleteWhenTheNextTradeIdFollowsOn() {
        // 0 continues its trade ids after the restart; 1 resumes with a later id; 2's feed reported a gap first
        final CandleHandler h = handler(0, 3);
        for (int id = 0; id < 3; id++) {
            tradeId(h, id, T0 + SEC, 100 * id + 10);
        }
        for (int id = 0; id < 3; id++) {
            tradeId(h, id, T0 + MIN + SEC, 100 * id + 11);
        }
        status(h, FeedStatus.DISCONNECTED, T0 + MIN + 30 * SEC);
        status(h, FeedStatus.RESTARTED, T0 + MIN + 30 * SEC);
        status(h, FeedStatus.CONNECTED, T0 + MIN + 30 * SEC);
        tradeId(h, 0, T0 + MIN + 40 * SEC, 12);
        tradeId(h, 1, T0 + MIN + 41 * SEC, 115);
        gap(h, 2);
        tradeId(h, 2, T0 + MIN + 42 * SEC, 112);
        heartbeat(h, T0 + 3 * MIN);
        assertThat(completeness(0)).as("the session's first minute, then the seamless one, then a filler")
            .containsExactly(false, true, true);
        assertThat(completeness(1)).containsExactly(false, false, true);
        assertThat(completeness(2)).containsExactly(false, false, true);
        assertThat(h.incompleteCandles()).isEqualTo(5);
        assertThat(h.lateTrades()).isZero();
    }

    @Test
    void shouldCloseAMinuteStillUndecidedAfterADisconnectIncomplete() {
        final CandleHandler h = handler(0, 2);
        tradeId(h, 0, T0 + SEC, 7);
        tradeId(h, 0, T0 + MIN + SEC, 8);
        tradeId(h, 1, T0 + MIN + SEC, 0); // a feed without trade ids: a disconnect loses its open minute at once
        status(h, FeedStatus.DISCONNECTED, T0 + MIN + 2 * SEC);
        heartbeat(h, T0 + 2 * MIN);
        assertThat(completeness(0)).as("its minute 1 closed before any trade could tell").containsExactly(false, false);
        assertThat(completeness(1)).containsExactly(false);
        tradeId(h, 0, T0 + 2 * MIN + SEC, 9);
        tradeId(h, 1, T0 + 2 * MIN + SEC, 0);
        heartbeat(h, T0 + 3 * MIN);
        assertThat(completeness(0)).as("decided now, for the minutes after").containsExactly(false, false, true);
        assertThat(completeness(1)).containsExactly(false, true);
    }

    @Test
    void shouldLandEveryProductsConnectSnapshotWithoutOneClosingAnothersMinutes() {
        // At connect, BTC's snapshot (its last 100 trades, one minute) arrives before ETH's, which reaches three
        // minutes further back: ETH's trades must still land in their minutes.
        final CandleHandler h = handler(2_000, 2);
        final long now = T0 + 10 * MIN + 30 * SEC;
        for (int i = 0; i < 100; i++) {
            trade(h, 0, now - 60 * SEC + i * 600_000_000L, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
        }
        for (int i = 0; i < 100; i++) {
            trade(h, 1, now - 180 * SEC + i * 1_200_000_000L, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
        }
        trade(h, 1, now + SEC, "1", "1");
        heartbeat(h, now + 2 * SEC);
        trade(h, 0, now + 3 * SEC, "1", "1");
        trade(h, 1, now + 4 * SEC, "1", "1");
        heartbeat(h, now + 3 * MIN);
        assertThat(h.lateTrades()).isZero();
        assertThat(sunk.stream().filter(c -> c.instrumentId == 0).mapToLong(c -> c.tradeCount).sum()).isEqualTo(101);
        assertThat(sunk.stream().filter(c -> c.instrumentId == 1).mapToLong(c -> c.tradeCount).sum()).isEqualTo(102);
        for (int id = 0; id < 2; id++) {
            final int instrument = id;
            assertThat(sunk).filteredOn(c -> c.instrumentId == instrument).extracting(c -> c.openTimeNs)
                .as("one candle per minute, in order").isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldLandALaterSnapshotAfterAnotherProductsLiveTradesAndHeartbeatsAtEveryConnect() {
        // As recorded from Coinbase: BTC's snapshot, then BTC's live trades and heartbeats, then ETH's snapshot
        // reaching three minutes back. ETH's minutes stay open until ETH's own snapshot (or first live trade).
        final CandleHandler h = handler(2_000, 2);
        for (int connect = 0; connect < 2; connect++) {
            final long now = T0 + (10 + 20 * connect) * MIN + 30 * SEC;
            status(h, FeedStatus.CONNECTED, now - 10 * MIN);
            for (int i = 0; i < 100; i++) {
                trade(h, 0, now - 60 * SEC + i * 600_000_000L, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
            }
            trade(h, 0, now + SEC, "1", "1");
            heartbeat(h, now + 2 * SEC);
            trade(h, 0, now + 2 * MIN, "1", "1");
            for (int i = 0; i < 100; i++) {
                trade(h, 1, now - 180 * SEC + i * 1_200_000_000L, FixedPoint.ONE, FixedPoint.ONE,
                    TradeFlags.SNAPSHOT);
            }
            trade(h, 1, now + 2 * MIN + SEC, "1", "1");
            heartbeat(h, now + 5 * MIN);
            if (connect == 0) {
                status(h, FeedStatus.DISCONNECTED, now + 5 * MIN);
            }
        }
        assertThat(h.lateTrades()).isZero();
        assertThat(sunk.stream().filter(c -> c.instrumentId == 1).mapToLong(c -> c.tradeCount).sum()).isEqualTo(202);
        for (int id = 0; id < 2; id++) {
            final int instrument = id;
            assertThat(sunk).filteredOn(c -> c.instrumentId == instrument).extracting(c -> c.openTimeNs)
                .as("one candle per minute, in order").isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldCloseAProductWithoutASnapshotTwoMinutesAfterTheConnect() {
        // instrument 1 traded before the connect and sends nothing after it (a quiet product, no snapshot)
        final CandleHandler h = handler(0, 2);
        trade(h, 1, T0 + 5 * SEC, "1", "1");
        status(h, FeedStatus.CONNECTED, T0 + 6 * SEC);
        trade(h, 0, T0 + 10 * SEC, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
        trade(h, 0, T0 + MIN + SEC, "1", "1");
        heartbeat(h, T0 + 2 * MIN + SEC);
        assertThat(sunk).filteredOn(c -> c.instrumentId == 1).as("instrument 1 still waits for its snapshot")
            .isEmpty();
        heartbeat(h, T0 + 3 * MIN + 2 * SEC);
        assertThat(sunk).filteredOn(c -> c.instrumentId == 1 && c.tradeCount == 1).hasSize(1);
        trade(h, 1, T0 + 20 * SEC, "1", "1");
        assertThat(h.lateTrades()).as("closed once the wait ended").isEqualTo(1);
    }

    @Test
    void shouldStillCountATradeForAMinuteItsOwnSnapshotClosedAsLate() {
        final CandleHandler h = handler(0, 2);
        trade(h, 0, T0 + 5 * SEC, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
        trade(h, 0, T0 + 2 * MIN + SEC, FixedPoint.ONE, FixedPoint.ONE, TradeFlags.SNAPSHOT);
        assertThat(sunk).filteredOn(c -> c.instrumentId == 0).hasSize(2);
        trade(h, 0, T0 + 30 * SEC, "1", "1");
        assertThat(h.lateTrades()).isEqualTo(1);
        trade(h, 1, T0 + 30 * SEC, "1", "1");
        assertThat(h.lateTrades()).as("the other instrument's minute is still open").isEqualTo(1);
    }

    @Test
    void shouldMarkEveryMinuteUpToTheLossIncompleteWhenAGapIsSeenLater() {
        final CandleHandler h = handler(0, 1);
        trade(h, 0, T0 + SEC, "1", "1");
        heartbeat(h, T0 + MIN + SEC);
        trade(h, 0, T0 + MIN + 2 * SEC, "1", "1");
        event.clear();
        event.type = EventType.GAP;
        event.instrumentId = 0;
        event.value = 40;
        event.timestampNs = T0 + 3 * MIN + 5 * SEC; // the first trade after the lost ones
        h.onEvent(event, 0, true);
        trade(h, 0, T0 + 3 * MIN + 5 * SEC, "1", "1");
        heartbeat(h, T0 + 6 * MIN);
        assertThat(sunk).extracting(c -> c.complete).containsExactly(false, false, false, false, true, true);
    }

    @Test
    void shouldCapFillersWhenExchangeTimeJumpsBeyondRetention() {
        final CandleHandler h = handler(0, 1, 1);
        trade(h, 0, T0, "5", "1");
        heartbeat(h, T0 + 3 * 1440 * MIN);
        assertThat(h.fillerCandles()).isEqualTo(1440);
        assertThat(h.skippedMinutes()).isEqualTo(2 * 1440 - 1);
        assertThat(sunk.get(sunk.size() - 1).openTimeNs).isEqualTo(T0 + (3 * 1440 - 1) * MIN);
        assertThat(h.batchOverflows()).isEqualTo(1441 - 64);
    }

    @Test
    void shouldContinueFromWarmedUpCandlesAndTreatTheirMinutesAsClosed() {
        final CandleStore store = new CandleStore(1, 7);
        final CandleHandler h = new CandleHandler(new CandleConfig(0, 7), 1, store, ClosedCandleSink.NONE);
        final Candle warm = new Candle();
        warm.openTimeNs = T0;
        warm.closeE8 = 42 * FixedPoint.ONE;
        warm.complete = true;
        assertThat(h.warmUp(List.of(warm))).isEqualTo(1);
        trade(h, 0, T0 + 30 * SEC, "1", "1");
        assertThat(h.lateTrades()).isEqualTo(1);
        assertThat(store.size(0)).isEqualTo(1);
        trade(h, 0, T0 + MIN, "43", "1");
        heartbeat(h, T0 + 2 * MIN);
        assertThat(store.size(0)).isEqualTo(2);
    }

    @Test
    void shouldCountSinkOverflowsWithoutBlocking() {
        final CandleHandler h = new CandleHandler(new CandleConfig(0, 7), 1, new CandleStore(1, 7), c -> false);
        trade(h, 0, T0, "1", "1");
        heartbeat(h, T0 + 5 * MIN);
        assertThat(h.sinkOverflows()).isEqualTo(5);
    }

    @Test
    void shouldMatchNaiveBuilderOnRandomStreams() {
        final long[] graces = {0, 2_000, 59_000, 60_000, 90_000};
        for (int run = 0; run < 24; run++) {
            final long seed = 0x5eed_0000L + run;
            try {
                compareWithNaive(seed, graces[run % graces.length], 1 + run % 4, 20_000);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void compareWithNaive(long seed, long graceMs, int instruments, int events) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final CandleHandler h = handler(graceMs, instruments, 1);
        final NaiveCandleBuilder naive = new NaiveCandleBuilder(instruments, graceMs);
        long clock = T0 + rnd.nextInt(60) * SEC; // whole milliseconds from here on, so minute boundaries are hit
        long maxSeen = clock;
        final long[] price = new long[instruments];
        Arrays.fill(price, 100 * FixedPoint.ONE);
        for (int i = 0; i < events; i++) {
            final int kind = rnd.nextInt(1000);
            event.clear();
            if (kind < 800) {
                final int id = rnd.nextInt(instruments);
                price[id] = Math.max(FixedPoint.ONE, price[id] + rnd.nextLong(-50_000_000L, 50_001_000L));
                long ts;
                if (rnd.nextInt(10) < 2) {
                    ts = maxSeen - rnd.nextLong(graceMs * 1_000_000L + 70 * SEC);
                } else {
                    clock += rnd.nextLong(1_500L) * 1_000_000L;
                    ts = clock;
                }
                event.type = EventType.TRADE;
                event.instrumentId = id;
                event.timestampNs = ts;
                event.priceE8 = rnd.nextInt(100) == 0 ? -rnd.nextLong(2) : price[id];
                event.sizeE8 = rnd.nextInt(100) == 0 ? 0 : rnd.nextLong(1, 5 * FixedPoint.ONE);
                event.flags = rnd.nextInt(100) == 0 ? TradeFlags.AFTER_DROP : 0;
            } else if (kind < 950) {
                clock += rnd.nextLong(3_000L) * 1_000_000L;
                event.type = EventType.HEARTBEAT;
                event.timestampNs = clock - rnd.nextLong(2) * SEC;
            } else if (kind < 975) {
                event.type = EventType.GAP;
                event.instrumentId = rnd.nextInt(instruments + 1) - 1;
            } else if (kind < 985) {
                event.type = EventType.FEED_STATUS;
                event.value = rnd.nextInt(4) + 1;
            } else {
                clock += rnd.nextLong(1, 600) * SEC;
                continue;
            }
            maxSeen = Math.max(maxSeen, event.timestampNs);
            final List<Candle> expected = naive.process(event);
            sunk.clear();
            final List<Candle> batch = send(h);
            boolean same = sunk.size() == expected.size()
                && batch.size() == Math.min(expected.size(), event.closedCandles.capacity());
            for (int k = 0; same && k < expected.size(); k++) {
                same = sameCandle(sunk.get(k), expected.get(k)) && (k >= batch.size()
                    || sameCandle(batch.get(k), expected.get(k)));
            }
            if (!same) {
                assertThat(sunk).as("event %d: %s", i, event).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(expected);
                assertThat(batch).as("batch of event %d", i).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(expected.subList(0, batch.size()));
            }
        }
        assertThat(h.lateTrades()).isEqualTo(naive.late);
        assertThat(h.rejectedTrades()).isEqualTo(naive.rejected);
        assertThat(h.lateTrades()).isPositive();
    }

    private static boolean sameCandle(Candle a, Candle b) {
        return a.instrumentId == b.instrumentId && a.openTimeNs == b.openTimeNs && a.openE8 == b.openE8
            && a.highE8 == b.highE8 && a.lowE8 == b.lowE8 && a.closeE8 == b.closeE8 && a.volumeE8 == b.volumeE8
            && a.notionalE8 == b.notionalE8 && a.tradeCount == b.tradeCount && a.complete == b.complete;
    }

    @Test
    void shouldNotAllocatePerTrade() {
        final ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final CandleStore store = new CandleStore(4, 7);
        final CandleHandler h = new CandleHandler(new CandleConfig(2_000, 7), 4, store, ClosedCandleSink.NONE);
        final MarketEvent e = new MarketEvent(64);
        runTrades(h, e, 0, 200_000); // warm up: JIT, every code path
        final long tid = Thread.currentThread().getId();
        final long before = mx.getThreadAllocatedBytes(tid);
        runTrades(h, e, 200_000, 100_000);
        final long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(h.candlesClosed()).isGreaterThan(1000);
        assertThat(allocated).as("bytes allocated over 100k trades").isLessThan(4 * 1024);
    }

    private static void runTrades(CandleHandler h, MarketEvent e, int from, int count) {
        for (int i = from; i < from + count; i++) {
            e.clear();
            e.type = (i & 15) == 15 ? EventType.HEARTBEAT : EventType.TRADE;
            e.instrumentId = i & 3;
            e.timestampNs = T0 + i * 137_000_000L - ((i & 7) == 3 ? 900_000_000L : 0);
            e.priceE8 = 100 * FixedPoint.ONE + (i % 97) * 1_000_000L;
            e.sizeE8 = 1_000_000L + (i % 13);
            e.flags = (i % 1001) == 0 ? TradeFlags.AFTER_DROP : 0;
            h.onEvent(e, i, true);
        }
    }
}
