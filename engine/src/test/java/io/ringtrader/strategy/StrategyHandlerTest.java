package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Signal;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyHandlerTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());

    private static StrategyHandler handler(String yaml, int instruments) {
        final StrategyConfig config = TestConfigs.strategies(yaml);
        return new StrategyHandler(config, StrategyRegistry.create(config, LIBRARY), instruments);
    }

    /** Feeds every candle through the ring path and collects copies of the signals written. */
    private static List<Signal> run(StrategyHandler handler, Candle... candles) {
        final List<Signal> out = new ArrayList<>();
        final MarketEvent event = new MarketEvent(4);
        for (Candle c : candles) {
            event.clear();
            event.closedCandles.add().copyFrom(c);
            handler.onEvent(event, 0, true);
            for (int i = 0; i < event.signals.size(); i++) {
                final Signal copy = new Signal();
                copy.copyFrom(event.signals.get(i));
                out.add(copy);
            }
        }
        return out;
    }

    @Test
    void shouldSignalBuyLedByTrendFollowingInAStrongUptrend() {
        final StrategyHandler h = handler("emit_holds: false", 1);
        final TestCandles c = new TestCandles(0).noise(60, 100, 0.05, 1).trend(40, 0.1);
        final List<Signal> signals = run(h, c.toArray());
        final Signal last = signals.get(signals.size() - 1);
        assertThat(last.action).isEqualTo(Action.BUY);
        assertThat(last.filtered).isFalse();
        assertThat(last.regime).isEqualTo(Regime.TRENDING_UP);
        assertThat(last.leadStrategyId).isEqualTo(0);
        assertThat(last.voteCount).isEqualTo(3);
        assertThat(last.voteActions[0]).isEqualTo(Action.BUY);
        final Candle lastCandle = c.get(c.size() - 1);
        assertThat(last.timestampNs).isEqualTo(lastCandle.openTimeNs + 60_000_000_000L);
        assertThat(last.referencePriceE8).isEqualTo(lastCandle.closeE8);
        assertThat(last.confidence).isBetween(0.3, 1.0);
        assertThat(h.counters().actionableSignals()).isGreaterThan(0);
        assertThat(h.counters().buyVotes(0)).isGreaterThan(0);
    }

    @Test
    void shouldNotSignalBeforeMinCandles() {
        final StrategyHandler h = handler("min_candles: 200", 1);
        assertThat(run(h, new TestCandles(0).noise(60, 100, 0.05, 1).trend(100, 0.1).toArray())).isEmpty();
    }

    @Test
    void shouldCountWarmUpCandlesButEmitNothingForThem() {
        final StrategyHandler h = handler("min_candles: 100", 1);
        final TestCandles c = new TestCandles(0).noise(99, 100, 0.05, 1).trend(2, 0.1);
        for (int i = 0; i < 99; i++) {
            h.warmUp(c.get(i));
        }
        assertThat(h.counters().warmUpCandles()).isEqualTo(99);
        assertThat(h.counters().signalsWritten()).isZero();
        assertThat(run(h, c.get(99), c.get(100))).hasSize(2);
        assertThat(h.counters().candlesSeen()).isEqualTo(2);
    }

    @Test
    void shouldNeverSignalOnAnIncompleteCandle() {
        final StrategyHandler h = handler("min_candles: 10", 1);
        final TestCandles c = new TestCandles(0).noise(60, 100, 0.05, 1);
        final Candle[] all = c.toArray();
        for (Candle candle : all) {
            candle.complete = false;
        }
        assertThat(run(h, all)).isEmpty();
        assertThat(h.counters().incompleteCandles()).isEqualTo(60);
    }

    @Test
    void shouldWriteLowConfidenceSignalsFilteredAndHoldsOnlyWhenAsked() {
        final StrategyHandler strict = handler("{confidence_threshold: 1.0, emit_holds: true}", 1);
        final TestCandles c = new TestCandles(0).noise(60, 100, 0.05, 1).trend(40, 0.1);
        final List<Signal> signals = run(strict, c.toArray());
        assertThat(signals).isNotEmpty().allMatch(s -> s.filtered);
        assertThat(strict.counters().filteredSignals()).isEqualTo(signals.size());
        assertThat(signals).anyMatch(s -> s.action == Action.HOLD && s.leadStrategyId == -1);
        final StrategyHandler noHolds = handler("{confidence_threshold: 1.0, emit_holds: false}", 1);
        assertThat(run(noHolds, c.toArray())).noneMatch(s -> s.action == Action.HOLD);
        assertThat(noHolds.counters().holdResults()).isGreaterThan(0);
    }

    @Test
    void shouldWaitTheSignalIntervalAfterAnActionableSignal() {
        final StrategyHandler h = handler("{signal_interval_seconds: 300, emit_holds: false}", 1);
        final List<Signal> signals = run(h, new TestCandles(0).noise(60, 100, 0.05, 1).trend(60, 0.1).toArray());
        long previous = Long.MIN_VALUE;
        for (Signal s : signals) {
            if (!s.filtered) {
                if (previous != Long.MIN_VALUE) {
                    assertThat(s.timestampNs - previous).isGreaterThanOrEqualTo(300_000_000_000L);
                }
                previous = s.timestampNs;
            }
        }
        assertThat(h.counters().rateLimited()).isGreaterThan(0);
        assertThat(h.counters().actionableSignals()).isGreaterThan(1);
    }

    @Test
    void shouldIgnoreAMinuteSeenBeforeSoWarmUpOverlappingLiveIsNotCountedTwice() {
        final StrategyHandler h = handler("min_candles: 3", 1);
        final TestCandles c = new TestCandles(0).noise(5, 100, 0.1, 1);
        for (int i = 0; i < 3; i++) {
            h.warmUp(c.get(i));
        }
        assertThat(run(h, c.get(2), c.get(1))).isEmpty();
        assertThat(h.counters().outOfOrderCandles()).isEqualTo(2);
        assertThat(run(h, c.get(3))).hasSize(1);
        assertThat(h.counters().candlesSeen()).isEqualTo(1);
    }

    @Test
    void shouldSwitchOffAStrategyThatThrowsAndKeepGoing() {
        final StrategyConfig config = TestConfigs.strategies("{active: [always_buy, trend_following],"
            + " min_candles: 1, emit_holds: true, confidence_threshold: 0.0}");
        final StrategyProvider broken = new StrategyProvider() {
            @Override
            public String name() {
                return "always_buy";
            }

            @Override
            public StrategyFactory configure(io.ringtrader.config.ConfigNode params) {
                params.finish();
                return id -> new ScriptedStrategy(new byte[] {Action.BUY}, new double[] {1.0});
            }
        };
        final StrategyLibrary library = StrategyLibrary.of(List.of(broken, TrendFollowingStrategy.provider()));
        final StrategyHandler h = new StrategyHandler(config, StrategyRegistry.create(config, library), 1);
        final List<Signal> signals = run(h, new TestCandles(0).noise(3, 100, 0.1, 1).toArray());
        // the scripted strategy has one vote, then throws on the second candle
        assertThat(signals).hasSize(3);
        assertThat(signals.get(0).action).isEqualTo(Action.BUY);
        assertThat(signals.get(1).action).isEqualTo(Action.HOLD);
        assertThat(signals.get(2).voteActions[0]).isEqualTo(Action.HOLD);
        assertThat(h.counters().strategyFailures()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreCandlesOfUnknownInstruments() {
        final StrategyHandler h = handler("min_candles: 1", 1);
        final Candle c = new TestCandles(5).noise(1, 100, 0.1, 1).get(0);
        assertThat(run(h, c)).isEmpty();
        assertThat(h.counters().unknownInstrumentCandles()).isEqualTo(1);
    }

    @Test
    void shouldProduceIdenticalSignalsForIdenticalCandles() {
        final String yaml = "{active: [trend_following, mean_reversion, breakout, macd_momentum, rsi_reversal,"
            + " vwap_reversion], min_candles: 30, confidence_threshold: 0.2}";
        final TestCandles a = new TestCandles(0).randomWalk(1_500, 0.0, 0.3, 77);
        final TestCandles b = new TestCandles(1).randomWalk(1_500, 0.02, 0.5, 78);
        final List<Candle> interleaved = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            interleaved.add(a.get(i));
            interleaved.add(b.get(i));
        }
        final Candle[] candles = interleaved.toArray(new Candle[0]);
        final List<Signal> first = run(handler(yaml, 2), candles);
        final List<Signal> second = run(handler(yaml, 2), candles);
        assertThat(first).hasSameSizeAs(second).hasSizeGreaterThan(100);
        for (int i = 0; i < first.size(); i++) {
            final Signal x = first.get(i);
            final Signal y = second.get(i);
            assertThat(y.instrumentId).isEqualTo(x.instrumentId);
            assertThat(y.timestampNs).isEqualTo(x.timestampNs);
            assertThat(y.action).isEqualTo(x.action);
            assertThat(Double.doubleToRawLongBits(y.confidence)).isEqualTo(Double.doubleToRawLongBits(x.confidence));
            assertThat(y.regime).isEqualTo(x.regime);
            assertThat(y.leadStrategyId).isEqualTo(x.leadStrategyId);
            assertThat(y.voteCount).isEqualTo(6);
            for (int v = 0; v < 6; v++) {
                assertThat(y.voteActions[v]).isEqualTo(x.voteActions[v]);
                assertThat(y.voteConfidences[v]).isEqualTo(x.voteConfidences[v]);
            }
        }
        assertThat(first).anyMatch(s -> s.action == Action.SELL && !s.filtered);
        assertThat(first).anyMatch(s -> s.action == Action.BUY && !s.filtered);
    }

    @Test
    void shouldProduceSaneDeterministicSignalsOnRealCoinbaseMinuteBars() {
        final String yaml = "{active: [trend_following, mean_reversion, breakout, macd_momentum, rsi_reversal,"
            + " vwap_reversion], emit_holds: false}";
        final Candle[] candles = LeanBars.interleave(
            LeanBars.read(0, "btcusd", "20180404", "20180405", "20180406"),
            LeanBars.read(1, "ethusd", "20180404", "20180405"));
        final StrategyHandler h = handler(yaml, 2);
        final List<Signal> signals = run(h, candles);
        final int[] regimes = new int[5];
        for (Signal s : signals) {
            assertThat(s.confidence).isBetween(0.0, 1.0);
            assertThat(s.action).isNotEqualTo(Action.HOLD);
            assertThat(s.leadStrategyId).isBetween(0, 5);
            assertThat(s.voteActions[s.leadStrategyId]).isEqualTo(s.action);
            for (int v = 0; v < s.voteCount; v++) {
                assertThat(s.voteConfidences[v]).isBetween(0.0, 1.0);
            }
            regimes[s.regime]++;
        }
        assertThat(h.counters().candlesSeen()).isEqualTo(candles.length);
        assertThat(h.counters().actionableSignals()).isGreaterThan(10);
        assertThat(regimes[Regime.UNKNOWN]).isZero();
        assertThat(regimes[Regime.RANGING]).isPositive();
        assertThat(regimes[Regime.TRENDING_UP] + regimes[Regime.TRENDING_DOWN]).isPositive();
        final List<Signal> again = run(handler(yaml, 2), candles);
        assertThat(again).hasSameSizeAs(signals);
        for (int i = 0; i < signals.size(); i++) {
            assertThat(again.get(i).confidence).isEqualTo(signals.get(i).confidence);
            assertThat(again.get(i).timestampNs).isEqualTo(signals.get(i).timestampNs);
        }
    }

    @Test
    void shouldNotAllocatePerCandle() {
        final StrategyHandler h = handler("{active: [trend_following, mean_reversion, breakout, macd_momentum,"
            + " rsi_reversal, vwap_reversion], min_candles: 30, confidence_threshold: 0.2}", 2);
        final Candle[] candles = new TestCandles(0).randomWalk(20_000, 0.0, 0.3, 5).toArray();
        final MarketEvent event = new MarketEvent(4);
        final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        // warm up (JIT, class loading) on the first half, measure the second half
        for (int i = 0; i < 10_000; i++) {
            feed(h, event, candles[i]);
        }
        final long before = mx.getThreadAllocatedBytes(thread);
        for (int i = 10_000; i < candles.length; i++) {
            feed(h, event, candles[i]);
        }
        final long allocated = mx.getThreadAllocatedBytes(thread) - before;
        assertThat(h.counters().signalsWritten()).isGreaterThan(1_000);
        assertThat(allocated).as("bytes allocated over 10,000 candles").isLessThan(2_048);
    }

    private static void feed(StrategyHandler h, MarketEvent event, Candle candle) {
        event.clear();
        event.closedCandles.add().copyFrom(candle);
        h.onEvent(event, 0, true);
    }
}
