package io.ringtrader.exchange;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Regime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSimulatorTest {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final Instruments ALL = Instruments.of(EngineConfig.DEFAULT_SYMBOLS, "USD");
    private static final Instruments BTC_ETH = Instruments.of(List.of("BTC", "ETH"), "USD");

    @Test
    void shouldProduceIdenticalStreamsForTheSameSeed() {
        final MarketSimulator a = new MarketSimulator(ALL, 42, 1);
        final MarketSimulator b = new MarketSimulator(ALL, 42, 1);
        final SimEvent ea = new SimEvent();
        final SimEvent eb = new SimEvent();
        long events = 0;
        while (a.next(ea)) {
            assertThat(b.next(eb)).isTrue();
            assertThat(eb.toString()).as("event %d", events).isEqualTo(ea.toString());
            events++;
        }
        assertThat(b.next(eb)).isFalse();
        assertThat(a.trades()).isGreaterThan(10_000);
    }

    @Test
    void shouldResumeAfterARestartWithTheUninterruptedMarketForTheSessionsHours() {
        final MarketSimulator whole = new MarketSimulator(ALL, 42, 3);
        final List<String> events = new ArrayList<>();
        final SimEvent e = new SimEvent();
        long afterNs = Long.MIN_VALUE;
        while (whole.next(e)) {
            events.add(e.toString());
            if (events.size() == 20_000) {
                afterNs = e.timestampNs; // where a first session's journal ended
            }
        }
        final long cut = afterNs;
        final List<String> tail = new ArrayList<>();
        final MarketSimulator whole2 = new MarketSimulator(ALL, 42, 3);
        while (whole2.next(e)) {
            if (e.timestampNs > cut) {
                tail.add(e.toString());
            }
        }
        // the engine journaled ids up to those of the cut: nothing to bump, the walk's own ids continue
        final long[] lastIds = new long[ALL.size()];
        java.util.Arrays.fill(lastIds, -1);
        final MarketSimulator counting = new MarketSimulator(ALL, 42, 3);
        while (counting.next(e) && e.timestampNs <= cut) {
            if (e.type == EventType.TRADE) {
                lastIds[e.instrumentId] = e.tradeId;
            }
        }
        final MarketSimulator resumed = new MarketSimulator(ALL, 42, 2).resumeAfter(cut)
            .continueTradeIdsAfter(lastIds);
        final List<String> served = new ArrayList<>();
        long lastNs = 0;
        while (resumed.next(e)) {
            served.add(e.toString());
            lastNs = e.timestampNs;
        }
        // the same prices, sizes, ids and book as the uninterrupted market, then two hours from the restart
        assertThat(served.subList(0, 1_000)).isEqualTo(tail.subList(0, 1_000));
        assertThat(lastNs).isEqualTo(cut / SECOND_NS * SECOND_NS + 2 * 3_600 * SECOND_NS);
    }

    @Test
    void shouldProduceDifferentStreamsForDifferentSeeds() {
        final MarketSimulator a = new MarketSimulator(ALL, 1, 0.1);
        final MarketSimulator b = new MarketSimulator(ALL, 2, 0.1);
        final SimEvent ea = new SimEvent();
        final SimEvent eb = new SimEvent();
        int differences = 0;
        while (a.next(ea) && b.next(eb)) {
            if (!ea.toString().equals(eb.toString())) {
                differences++;
            }
        }
        assertThat(differences).isGreaterThan(100);
    }

    @Test
    void shouldKeepPricesSizesIdsAndClockValidForManySeeds() {
        for (long seed = 100; seed < 105; seed++) {
            final long startNs = MarketSimulator.DEFAULT_START_NS + 123_456_789L; // rounded down to the second
            final MarketSimulator sim = new MarketSimulator(ALL, seed, 0.5, startNs);
            final long[] lastId = new long[ALL.size()];
            final SimEvent e = new SimEvent();
            long lastTimeNs = Long.MIN_VALUE;
            long lastHeartbeatNs = MarketSimulator.DEFAULT_START_NS - SECOND_NS;
            int heartbeats = 0;
            while (sim.next(e)) {
                final String where = "seed " + seed + " " + e;
                assertThat(e.timestampNs).as(where).isGreaterThanOrEqualTo(lastTimeNs);
                lastTimeNs = e.timestampNs;
                if (e.type == EventType.HEARTBEAT) {
                    assertThat(e.timestampNs).as(where).isEqualTo(lastHeartbeatNs + SECOND_NS);
                    lastHeartbeatNs = e.timestampNs;
                    heartbeats++;
                    continue;
                }
                final Instrument instrument = ALL.get(e.instrumentId);
                assertThat(e.timestampNs).as(where).isLessThan(lastHeartbeatNs + SECOND_NS);
                assertThat(e.priceE8).as(where).isPositive();
                assertThat(e.priceE8 % instrument.priceIncrementE8()).as(where).isZero();
                assertThat(e.sizeE8).as(where).isPositive();
                assertThat(e.sizeE8 % instrument.sizeIncrementE8()).as(where).isZero();
                assertThat(e.timestampNs % 1_000).as("whole microseconds, " + where).isZero();
                if (lastId[e.instrumentId] != 0) {
                    assertThat(e.tradeId).as(where).isEqualTo(lastId[e.instrumentId] + 1);
                }
                lastId[e.instrumentId] = e.tradeId;
            }
            assertThat(heartbeats).as("seed %d", seed).isEqualTo(1_801);
            assertThat(lastHeartbeatNs).isEqualTo(MarketSimulator.DEFAULT_START_NS + 1_800 * SECOND_NS);
        }
    }

    @Test
    void shouldTradePolAmongTheDefaultSymbolsLikeAnyOther() {
        final int pol = ALL.idOfSymbol("POL");
        assertThat(pol).isNotEqualTo(Instruments.UNKNOWN);
        assertThat(ALL.get(pol).productId()).isEqualTo("POL-USD");
        assertThat(ALL.get(pol).referencePriceE8()).as("a built-in price level, not the fallback").isPositive();
        final MarketSimulator sim = new MarketSimulator(ALL, 7, 0.5);
        final SimEvent e = new SimEvent();
        int polTrades = 0;
        while (sim.next(e)) {
            if (e.isTrade() && e.instrumentId == pol) {
                assertThat(e.priceE8 % ALL.get(pol).priceIncrementE8()).as(e.toString()).isZero();
                polTrades++;
            }
        }
        assertThat(polTrades).isGreaterThan(100);
    }

    @Test
    void shouldVisitEveryRegimeAndMoveBtcAndEthTogether() {
        final long seed = 2026;
        final MarketSimulator sim = new MarketSimulator(BTC_ETH, seed, 48);
        final Set<Byte> regimes = new HashSet<>();
        final List<double[]> minutes = new ArrayList<>();
        final double[] last = new double[2];
        final SimEvent e = new SimEvent();
        final long minuteNs = 60 * SECOND_NS;
        while (sim.next(e)) {
            regimes.add(e.regime);
            if (e.isTrade()) {
                last[e.instrumentId] = e.priceE8;
            } else if (e.timestampNs % minuteNs == 0 && last[0] > 0 && last[1] > 0) {
                minutes.add(last.clone());
            }
        }
        assertThat(regimes).as("seed %d", seed).containsExactlyInAnyOrder(Regime.TRENDING_UP, Regime.TRENDING_DOWN,
            Regime.RANGING, Regime.HIGH_VOLATILITY);
        assertThat(sim.regimeSwitches()).isGreaterThan(20);
        final double[] btc = new double[minutes.size() - 1];
        final double[] eth = new double[minutes.size() - 1];
        for (int i = 1; i < minutes.size(); i++) {
            btc[i - 1] = Math.log(minutes.get(i)[0] / minutes.get(i - 1)[0]);
            eth[i - 1] = Math.log(minutes.get(i)[1] / minutes.get(i - 1)[1]);
        }
        assertThat(correlation(btc, eth)).as("seed %d", seed).isGreaterThan(0.5);
        final double btcReference = BTC_ETH.get(0).referencePriceE8();
        assertThat(last[0]).isBetween(btcReference / 5, btcReference * 5);
    }

    @Test
    void shouldRunForeverWhenSimHoursIsZero() {
        final MarketSimulator sim = new MarketSimulator(BTC_ETH, 5, 0);
        final SimEvent e = new SimEvent();
        for (int i = 0; i < 200_000; i++) {
            assertThat(sim.next(e)).isTrue();
        }
        assertThat(e.timestampNs).isGreaterThan(MarketSimulator.DEFAULT_START_NS + 3_600 * SECOND_NS);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
