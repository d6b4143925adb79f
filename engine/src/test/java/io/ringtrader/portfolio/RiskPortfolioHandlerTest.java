package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.ringtrader.config.OrderConfig;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.EventType;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.order.Order;
import io.ringtrader.order.OrderBook;
import io.ringtrader.risk.RiskReason;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskPortfolioHandlerTest {
    private static final Instruments INSTRUMENTS = SyntheticFeed.INSTRUMENTS;
    private static final int N = INSTRUMENTS.size();

    /** Market entries with stops far away, so positions are still open when the crash trips the latch. */
    private static final OrderConfig WIDE = new OrderConfig("market", 0, 120, 50, 0.25, 10, 0, 0.5, 0, 0.0, 0, 0.0,
        0, 14, 0, 0.0, 5, 8, 5, true);
    private static final RiskConfig TIGHT_DRAWDOWN = new RiskConfig(0.10, 0.25, 0.80, 0.70, 20, 0.03, 0.02, false,
        24);

    private static RiskPortfolioHandler handler(RiskConfig risk, PortfolioOutbox outbox, PortfolioView view) {
        return handler(risk, TestFiles.ORDERS, outbox, view);
    }

    private static RiskPortfolioHandler handler(RiskConfig risk, OrderConfig orders, PortfolioOutbox outbox,
                                                PortfolioView view) {
        return new RiskPortfolioHandler(risk, TestFiles.PORTFOLIO, orders, INSTRUMENTS,
            new Portfolio(N, TestFiles.PORTFOLIO.startingCashE8()), RiskPortfolioHandler.freshBook(orders, N),
            outbox, view);
    }

    @Test
    void accountingOrderAndRiskInvariantsShouldHoldAfterEveryEventOfSeededStreams() {
        int seenReasons = 0;
        long fills = 0;
        final Set<Byte> exitKinds = new HashSet<>();
        for (int variant = 0; variant < 3; variant++) {
            final OrderConfig orders = variant == 0 ? TestFiles.ORDERS : variant == 1 ? TestFiles.MARKET_ORDERS : WIDE;
            final RiskConfig riskConfig = variant == 2 ? TIGHT_DRAWDOWN : TestFiles.RISK;
            for (long seed = 1; seed <= 4; seed++) {
                final RiskPortfolioHandler h = handler(riskConfig, orders, null, null);
                final Portfolio p = h.portfolio();
                final SyntheticFeed feed = new SyntheticFeed(seed);
                final MarketEvent e = new MarketEvent(16);
                final Map<Long, Long> placedAt = new HashMap<>(); // order id -> event index it was accepted on
                long expectedRealized = 0;
                for (int i = 0; i < 6_000; i++) {
                    feed.next(e);
                    final long[] heldBefore = new long[N];
                    for (int k = 0; k < N; k++) {
                        heldBefore[k] = p.quantityE8(k);
                    }
                    h.onEvent(e, i, true);
                    final String at = orders.entryType() + " seed " + seed + " event " + i;
                    long positions = 0;
                    long basis = 0;
                    for (int k = 0; k < N; k++) {
                        assertThat(p.quantityE8(k)).as(at).isNotNegative();
                        positions += FixedPoint.multiply(p.quantityE8(k), p.lastPriceE8(k));
                        basis += p.costBasisE8(k);
                        if (p.quantityE8(k) > 0) {
                            assertThat(protectedByAStop(h.orders().book(), k)).as(at + ": a held position has an"
                                + " armed stop").isTrue();
                        }
                    }
                    assertThat(p.cashE8()).as(at).isNotNegative();
                    assertThat(p.equityE8()).as(at).isEqualTo(p.cashE8() + positions);
                    assertThat(p.cashE8() + basis).as(at).isEqualTo(TestFiles.PORTFOLIO.startingCashE8()
                        + p.realizedPnlE8());
                    for (int d = 0; d < e.decisions.size(); d++) {
                        final RiskDecision dec = e.decisions.get(d);
                        if (dec.side == Side.BUY) {
                            assertThat(dec.approvedQuantityE8).as(at + ": risk only shrinks a target")
                                .isBetween(0L, dec.requestedQuantityE8);
                        }
                        seenReasons |= dec.reasonCode;
                    }
                    for (int u = 0; u < e.orders.size(); u++) {
                        final OrderUpdate update = e.orders.get(u);
                        if (update.state == OrderState.ACCEPTED) {
                            placedAt.putIfAbsent(update.orderId, (long) i);
                        }
                    }
                    for (int f = 0; f < e.fills.size(); f++) {
                        final Fill fill = e.fills.get(f);
                        expectedRealized += fill.realizedPnlE8;
                        assertThat(placedAt.get(fill.orderId)).as(at + ": fills only orders placed on an earlier"
                            + " event").isNotNull().isLessThan((long) i);
                        assertThat(e.type).as(at + ": fills happen on trades").isEqualTo(EventType.TRADE);
                        assertThat(fill.timestampNs).as(at).isEqualTo(e.timestampNs);
                        final long rate = fill.liquidity == Liquidity.MAKER ? 400_000L : 600_000L;
                        assertThat(fill.feeE8).as(at).isEqualTo(FixedPoint.multiply(fill.notionalE8, rate));
                        if (fill.liquidity == Liquidity.MAKER) {
                            assertThat(fill.side == Side.BUY ? e.priceE8 < fill.priceE8 : e.priceE8 > fill.priceE8)
                                .as(at + ": a resting limit fills only when the tape trades through it").isTrue();
                            assertThat(fill.quantityE8).as(at).isLessThanOrEqualTo(e.sizeE8);
                        }
                        if (fill.side == Side.BUY) {
                            assertThat(fill.exitReason).isEqualTo(ExitReason.NONE);
                        } else {
                            exitKinds.add(fill.exitReason);
                        }
                        fills++;
                    }
                    if (e.type == EventType.TRADE) {
                        assertThat(p.lastPriceE8(e.instrumentId)).as(at).isEqualTo(e.priceE8);
                    }
                    assertThat(p.realizedPnlE8()).as(at).isEqualTo(expectedRealized);
                    assertThat(p.journalIndex()).as(at).isEqualTo(i);
                }
                assertThat(h.brokerRejected()).as("seed %d: never an invalid fill", seed).isZero();
                assertThat(h.batchFull()).isZero();
            }
        }
        assertThat(fills).as("the streams must trade").isGreaterThan(100);
        assertThat(seenReasons & RiskReason.DRAWDOWN).as("the crash phase trips a 3 % drawdown limit").isNotZero();
        assertThat(seenReasons & RiskReason.NO_POSITION).isNotZero();
        assertThat(seenReasons & RiskReason.AT_TARGET).as("persisting BUYs do not buy again").isNotZero();
        assertThat(exitKinds).as("exits by kind").contains(ExitReason.STOP_LOSS, ExitReason.SIGNAL);
    }

    private static boolean protectedByAStop(OrderBook book, int id) {
        for (int k = 0; k < book.slotsPerInstrument(); k++) {
            final Order o = book.slot(id, k);
            if (o.id != 0 && o.open() && o.side == Side.SELL && (o.type == OrderType.STOP
                || o.type == OrderType.TRAILING_STOP || o.type == OrderType.MARKET)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldLiquidateEveryPositionWhenDrawdownTripsWithReduceOnDrawdown() {
        final RiskConfig reduce = new RiskConfig(0.10, 0.25, 0.80, 0.70, 20, 0.03, 0.02, true, 24);
        final RiskPortfolioHandler h = handler(reduce, WIDE, null, null);
        final SyntheticFeed feed = new SyntheticFeed(3);
        final MarketEvent e = new MarketEvent(16);
        boolean liquidated = false;
        for (int i = 0; i < 6_000 && !liquidated; i++) {
            feed.next(e);
            h.onEvent(e, i, true);
            for (int f = 0; f < e.fills.size(); f++) {
                if (e.fills.get(f).exitReason == ExitReason.DRAWDOWN) {
                    liquidated = true;
                    assertThat(e.fills.get(f).side).isEqualTo(Side.SELL);
                    assertThat(e.fills.get(f).positionAfterE8).isLessThan(
                        INSTRUMENTS.get(e.fills.get(f).instrumentId).sizeIncrementE8());
                }
            }
        }
        assertThat(liquidated).isTrue();
        assertThat(h.drawdownHalted()).isTrue();
    }

    @Test
    void shouldSkipSignalsThatAreFilteredHoldOrForUnknownInstruments() {
        final RiskPortfolioHandler h = handler(TestFiles.RISK, null, null);
        final MarketEvent e = new MarketEvent(8);
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 0;
        e.priceE8 = 65_000 * FixedPoint.ONE;
        e.timestampNs = SyntheticFeed.START_NS;
        addSignal(e, 0, Action.BUY, 1.0).filtered = true;
        addSignal(e, 0, Action.HOLD, 1.0);
        addSignal(e, 99, Action.BUY, 1.0);
        addSignal(e, -1, Action.BUY, 1.0);
        h.onEvent(e, 0, true);
        assertThat(e.decisions.size()).isZero();
        assertThat(e.fills.size()).isZero();
        addSignal(e, 0, Action.BUY, 1.0);
        e.journalIndex = 1;
        h.onEvent(e, 1, true);
        assertThat(e.fills.size()).as("never on the trade that caused the decision").isZero();
        assertThat(e.orders.size()).isEqualTo(1);
        assertThat(e.orders.get(0).limitPriceE8).as("a post-only limit at the last trade").isEqualTo(65_000
            * FixedPoint.ONE);
        trade(e, 0, 64_999 * FixedPoint.ONE, 100 * FixedPoint.ONE, SyntheticFeed.START_NS + 1_000_000_000L, 2);
        h.onEvent(e, 2, true);
        assertThat(e.fills.size()).isEqualTo(1);
        assertThat(e.fills.get(0).priceE8).as("filled at its limit").isEqualTo(65_000 * FixedPoint.ONE);
        assertThat(e.fills.get(0).liquidity).isEqualTo(Liquidity.MAKER);
        assertThat(h.portfolio().tradeCount()).isEqualTo(1);
    }

    @Test
    void shouldCountAnOverflowingPriceInsteadOfThrowingAndStayConsistent() {
        final RiskPortfolioHandler h = handler(TestFiles.RISK, null, null);
        final MarketEvent e = new MarketEvent(8);
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 2;
        e.priceE8 = 45_000_000L;
        addSignal(e, 2, Action.BUY, 1.0);
        h.onEvent(e, 0, true);
        trade(e, 2, 44_000_000L, 1_000_000 * FixedPoint.ONE, 1_000_000_000L, 1);
        h.onEvent(e, 1, true);
        final long equity = h.portfolio().equityE8();
        assertThat(h.portfolio().quantityE8(2)).isPositive();
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 2;
        e.priceE8 = 1_000_000_000_000_000L;
        h.onEvent(e, 2, true);
        assertThat(h.arithmeticErrors()).isEqualTo(1);
        assertThat(h.portfolio().lastPriceE8(2)).isEqualTo(44_000_000L);
        assertThat(h.portfolio().equityE8()).isEqualTo(equity);
    }

    @Test
    void shouldNotApplyEventsTheRestoredPortfolioAlreadyReflects() {
        final RiskPortfolioHandler h = handler(TestFiles.RISK, null, null);
        final MarketEvent e = new MarketEvent(8);
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 0;
        e.priceE8 = 65_000 * FixedPoint.ONE;
        e.journalIndex = 10;
        addSignal(e, 0, Action.BUY, 1.0);
        h.onEvent(e, 0, true);
        assertThat(h.orders().book().openCount(0)).isEqualTo(1);
        e.orders.clear();
        e.decisions.clear();
        h.onEvent(e, 1, true);
        assertThat(h.orders().book().openCount(0)).as("same journal index again: no second order").isEqualTo(1);
        assertThat(e.orders.size()).isZero();
        assertThat(h.replaySkipped()).isEqualTo(1);
    }

    @Test
    void shouldNotAllocatePerEvent() {
        final PortfolioOutbox outbox = new PortfolioOutbox(1 << 12, N, TestFiles.ORDERS.maxOrdersPerSymbol());
        final PortfolioView view = new PortfolioView(N);
        final PortfolioOutbox.Consumer sink = new PortfolioOutbox.Consumer() {
            @Override
            public void onFill(Fill fill) {
            }

            @Override
            public void onSnapshot(PortfolioSnapshot snapshot) {
            }
        };
        final MarketEvent e = new MarketEvent(16);
        final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long measured = 0;
        long fills = 0;
        for (int round = 0; round < 3; round++) {
            final RiskPortfolioHandler h = handler(TestFiles.RISK, outbox, view);
            final SyntheticFeed feed = new SyntheticFeed(11, false);
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 200_000; i++) {
                feed.next(e);
                h.onEvent(e, i, true);
                if ((i & 255) == 0) {
                    outbox.drain(sink);
                }
            }
            measured = threads.getThreadAllocatedBytes(thread) - before;
            fills = h.fillCount();
        }
        System.out.printf("allocated %d bytes over 200000 events with %d fills%n", measured, fills);
        assertThat(fills).isGreaterThan(100);
        assertThat(measured).as("bytes allocated over 200k events after warm-up").isLessThan(64 * 1024);
    }

    @Test
    void shouldPublishAConsistentViewForTheStatusDisplay() {
        final PortfolioView view = new PortfolioView(N);
        final RiskPortfolioHandler h = handler(TestFiles.RISK, null, view);
        final SyntheticFeed feed = new SyntheticFeed(5);
        final MarketEvent e = new MarketEvent(16);
        for (int i = 0; i < 3_000; i++) {
            feed.next(e);
            h.onEvent(e, i, true);
        }
        h.publishState();
        final PortfolioView.Copy c = view.newCopy();
        assertThat(view.read(c)).isTrue();
        assertThat(c.cashE8).isEqualTo(h.portfolio().cashE8());
        assertThat(c.equityE8).isEqualTo(h.portfolio().equityE8());
        assertThat(c.tradeCount).isEqualTo(h.portfolio().tradeCount());
    }

    private static void trade(MarketEvent e, int id, long priceE8, long sizeE8, long timestampNs, long index) {
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = id;
        e.priceE8 = priceE8;
        e.sizeE8 = sizeE8;
        e.timestampNs = timestampNs;
        e.journalIndex = index;
    }

    private static Signal addSignal(MarketEvent e, int id, byte action, double confidence) {
        final Signal s = e.signals.add();
        s.reset();
        s.instrumentId = id;
        s.action = action;
        s.confidence = confidence;
        s.leadStrategyId = 0;
        return s;
    }

    @Test
    void shouldWriteByteIdenticalTradeLogAndStateForTheSameStream(@TempDir Path a, @TempDir Path b)
        throws Exception {
        TestFiles.run(a, 9, 6_000, TestFiles.RISK);
        TestFiles.run(b, 9, 6_000, TestFiles.RISK);
        assertThat(Files.readAllBytes(TestFiles.log(a))).isEqualTo(Files.readAllBytes(TestFiles.log(b)));
        assertThat(Files.readAllBytes(TestFiles.state(a))).isEqualTo(Files.readAllBytes(TestFiles.state(b)));
        assertThat(Files.readAllLines(TestFiles.log(a)).size()).isGreaterThan(20);
    }

    @Test
    void shouldResumeAfterARestartWithNoFillLostOrDuplicated(@TempDir Path once, @TempDir Path twice)
        throws Exception {
        final RiskPortfolioHandler full = TestFiles.run(once, 4, 6_000, TestFiles.RISK);
        TestFiles.run(twice, 4, 2_345, TestFiles.RISK);
        final RiskPortfolioHandler resumed = TestFiles.run(twice, 4, 6_000, TestFiles.RISK);
        assertThat(resumed.replaySkipped()).isEqualTo(2_345);
        assertThat(full.fillCount()).isGreaterThan(20);
        assertThat(Files.readString(TestFiles.log(twice))).isEqualTo(Files.readString(TestFiles.log(once)));
        assertThat(Files.readString(TestFiles.state(twice))).isEqualTo(Files.readString(TestFiles.state(once)));
    }

    @Test
    void shouldNotDuplicateRowsWrittenAfterTheLastSavedStateWhenRestarting(@TempDir Path once,
                                                                           @TempDir Path ahead,
                                                                           @TempDir Path crashed) throws Exception {
        TestFiles.run(once, 4, 6_000, TestFiles.RISK);
        TestFiles.run(ahead, 4, 4_500, TestFiles.RISK);
        TestFiles.run(crashed, 4, 2_000, TestFiles.RISK);
        // the crash left the trade log ahead of the state file: rows up to event 4499, state at event 1999
        Files.copy(TestFiles.log(ahead), TestFiles.log(crashed), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readAllLines(TestFiles.log(crashed)).size())
            .isGreaterThan(Files.readAllLines(TestFiles.log(once)).size() / 3);
        TestFiles.run(crashed, 4, 6_000, TestFiles.RISK);
        assertThat(Files.readString(TestFiles.log(crashed))).isEqualTo(Files.readString(TestFiles.log(once)));
        assertThat(Files.readString(TestFiles.state(crashed))).isEqualTo(Files.readString(TestFiles.state(once)));
    }
}
