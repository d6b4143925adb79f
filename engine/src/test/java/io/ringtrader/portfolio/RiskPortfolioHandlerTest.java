package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.risk.RiskReason;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskPortfolioHandlerTest {
    private static final Instruments INSTRUMENTS = SyntheticFeed.INSTRUMENTS;
    private static final int N = INSTRUMENTS.size();

    private static RiskPortfolioHandler handler(RiskConfig risk, PortfolioOutbox outbox, PortfolioView view) {
        return new RiskPortfolioHandler(risk, TestFiles.PORTFOLIO, INSTRUMENTS,
            new Portfolio(N, TestFiles.PORTFOLIO.startingCashE8()), outbox, view);
    }

    @Test
    void accountingAndRiskInvariantsShouldHoldAfterEveryEventOfSeededStreams() {
        int seenReasons = 0;
        long fills = 0;
        for (long seed = 1; seed <= 8; seed++) {
            final RiskPortfolioHandler h = handler(TestFiles.RISK, null, null);
            final Portfolio p = h.portfolio();
            final SyntheticFeed feed = new SyntheticFeed(seed);
            final MarketEvent e = new MarketEvent(16);
            long expectedRealized = 0;
            for (int i = 0; i < 6_000; i++) {
                feed.next(e);
                h.onEvent(e, i, true);
                final String at = "seed " + seed + " event " + i;
                long positions = 0;
                long basis = 0;
                for (int k = 0; k < N; k++) {
                    assertThat(p.quantityE8(k)).as(at).isNotNegative();
                    positions += FixedPoint.multiply(p.quantityE8(k), p.lastPriceE8(k));
                    basis += p.costBasisE8(k);
                }
                assertThat(p.cashE8()).as(at).isNotNegative();
                assertThat(p.equityE8()).as(at).isEqualTo(p.cashE8() + positions);
                assertThat(p.cashE8() + basis).as(at).isEqualTo(TestFiles.PORTFOLIO.startingCashE8()
                    + p.realizedPnlE8());
                if (e.type == EventType.TRADE) {
                    assertThat(p.lastPriceE8(e.instrumentId)).as(at).isEqualTo(e.priceE8);
                }
                int tradable = 0;
                for (int s = 0; s < e.signals.size(); s++) {
                    final Signal sig = e.signals.get(s);
                    tradable += !sig.filtered && sig.action != Action.HOLD ? 1 : 0;
                }
                int approved = 0;
                for (int d = 0; d < e.decisions.size(); d++) {
                    final RiskDecision dec = e.decisions.get(d);
                    assertThat(dec.approvedQuantityE8).as(at + ": risk only shrinks")
                        .isBetween(0L, dec.requestedQuantityE8);
                    assertThat(dec.approvedQuantityE8 == 0 || dec.reasonCode == (dec.reasonCode
                        & ~(RiskReason.MIN_SIZE | RiskReason.NO_POSITION | RiskReason.NO_PRICE))).as(at).isTrue();
                    seenReasons |= dec.reasonCode;
                    approved += dec.approvedQuantityE8 > 0 ? 1 : 0;
                }
                assertThat(e.fills.size()).as(at).isEqualTo(approved);
                if (!h.drawdownHalted() || !TestFiles.RISK.reduceOnDrawdown()) {
                    assertThat(e.decisions.size()).as(at).isEqualTo(tradable);
                }
                int d = 0;
                for (int f = 0; f < e.fills.size(); f++) {
                    final Fill fill = e.fills.get(f);
                    while (e.decisions.get(d).approvedQuantityE8 == 0) {
                        d++;
                    }
                    final RiskDecision dec = e.decisions.get(d++);
                    expectedRealized += fill.realizedPnlE8;
                    assertThat(fill.quantityE8).as(at).isEqualTo(dec.approvedQuantityE8);
                    assertThat(fill.instrumentId).as(at).isEqualTo(dec.instrumentId);
                    assertThat(fill.side).as(at).isEqualTo(dec.side);
                    assertThat(fill.reasonCode).as(at).isEqualTo(dec.reasonCode);
                    assertThat(fill.timestampNs).as(at).isEqualTo(e.timestampNs);
                    assertThat(fill.strategyId).as(at).isBetween(0, 2);
                    fills++;
                }
                assertThat(p.realizedPnlE8()).as(at).isEqualTo(expectedRealized);
                assertThat(p.journalIndex()).as(at).isEqualTo(i);
            }
            assertThat(h.brokerRejected()).as("seed %d: risk never sends an invalid order", seed).isZero();
        }
        assertThat(fills).as("the streams must trade").isGreaterThan(100);
        assertThat(seenReasons & RiskReason.DRAWDOWN).as("the crash phase trips drawdown protection").isNotZero();
        assertThat(seenReasons & RiskReason.NO_POSITION).isNotZero();
        assertThat(seenReasons & RiskReason.MAX_POSITION).isNotZero();
    }

    @Test
    void shouldLiquidateEveryPositionWhenDrawdownTripsWithReduceOnDrawdown() {
        final RiskConfig reduce = new RiskConfig(0.10, 0.25, 0.80, 0.70, 20, 0.15, 0.10, true);
        final RiskPortfolioHandler h = handler(reduce, null, null);
        final SyntheticFeed feed = new SyntheticFeed(3);
        final MarketEvent e = new MarketEvent(16);
        boolean liquidated = false;
        for (int i = 0; i < 6_000 && !liquidated; i++) {
            feed.next(e);
            h.onEvent(e, i, true);
            for (int f = 0; f < e.fills.size(); f++) {
                if (e.fills.get(f).strategyId == -1) {
                    liquidated = true;
                    assertThat(e.fills.get(f).reasonCode).isEqualTo(RiskReason.DRAWDOWN);
                    assertThat(e.fills.get(f).side).isEqualTo(Side.SELL);
                    assertThat(e.fills.get(f).positionAfterE8).isLessThan(
                        INSTRUMENTS.get(e.fills.get(f).instrumentId).minOrderSizeE8());
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
        assertThat(e.fills.size()).isEqualTo(1);
        assertThat(e.fills.get(0).priceE8).as("last trade + 5 bps").isEqualTo(65_032_50_000_000L);
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
        final long equity = h.portfolio().equityE8();
        assertThat(h.portfolio().quantityE8(2)).isPositive();
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 2;
        e.priceE8 = 1_000_000_000_000_000L;
        h.onEvent(e, 1, true);
        assertThat(h.arithmeticErrors()).isEqualTo(1);
        assertThat(h.portfolio().lastPriceE8(2)).isEqualTo(45_000_000L);
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
        assertThat(h.portfolio().tradeCount()).isEqualTo(1);
        e.fills.clear();
        e.decisions.clear();
        h.onEvent(e, 1, true);
        assertThat(h.portfolio().tradeCount()).as("same journal index again").isEqualTo(1);
        assertThat(h.replaySkipped()).isEqualTo(1);
    }

    @Test
    void shouldNotAllocatePerEvent() {
        final PortfolioOutbox outbox = new PortfolioOutbox(1 << 12, N);
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
