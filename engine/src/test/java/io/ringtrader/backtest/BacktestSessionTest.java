package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyProvider;
import io.ringtrader.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestSessionTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());

    @TempDir
    Path dir;

    private static BacktestCandles candles() {
        return BacktestTestData.firstTwoDays();
    }

    private static String describe(Signal s) {
        final StringBuilder sb = new StringBuilder();
        sb.append(s.instrumentId).append(' ').append(s.timestampNs).append(' ').append(Action.name(s.action))
            .append(' ').append(s.confidence).append(' ').append(s.filtered).append(' ').append(s.regime)
            .append(' ').append(s.leadStrategyId).append(' ').append(s.referencePriceE8);
        for (int v = 0; v < s.voteCount; v++) {
            sb.append(" v").append(s.voteStrategyIds[v]).append(':').append(s.voteActions[v]).append(':')
                .append(s.voteConfidences[v]);
        }
        return sb.toString();
    }

    private static List<String> allBuiltIns() {
        final List<String> names = new ArrayList<>();
        for (StrategyProvider p : StrategyLibrary.builtIns()) {
            names.add(p.name());
        }
        return names;
    }

    @Test
    void shouldProduceExactlyTheSignalsOfTheLiveStrategyStage() {
        final EngineConfig config = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final StrategyConfig strategies = config.strategies().withActive(allBuiltIns());
        final BacktestCandles candles = candles();

        final List<String> backtest = new ArrayList<>();
        new BacktestSession("all", config, instruments, strategies, StrategyRegistry.create(strategies, LIBRARY))
            .run(candles.candles(), s -> backtest.add(describe(s)), null);

        // the live stage, fed one closed candle per ring slot as the candle stage hands them over
        final StrategyHandler live = new StrategyHandler(strategies, StrategyRegistry.create(strategies, LIBRARY),
            instruments.size());
        final MarketEvent slot = new MarketEvent(instruments.size());
        final List<String> expected = new ArrayList<>();
        long seq = 0;
        for (Candle c : candles.candles()) {
            slot.clear();
            slot.closedCandles.add().copyFrom(c);
            live.onEvent(slot, seq++, true);
            for (int i = 0; i < slot.signals.size(); i++) {
                expected.add(describe(slot.signals.get(i)));
            }
        }
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(expected).anyMatch(s -> s.contains(" BUY ")).anyMatch(s -> s.contains(" SELL "));
        assertThat(backtest).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldFillOnlyOnTheIntraBarPathOfALaterMinuteAndRecordEveryMinute() {
        final EngineConfig config = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final StrategyConfig strategies = config.strategies().withActive(allBuiltIns());
        final BacktestCandles candles = candles();
        final BacktestSession session = new BacktestSession("all", config, instruments, strategies,
            StrategyRegistry.create(strategies, LIBRARY));
        final List<Long> progress = new ArrayList<>();
        final BacktestResult result = session.run(candles.candles(), null, progress::add);

        // the path of each bar: open, low, high, close at 0, 15, 30 and 59.999 s into its minute
        final long[] offsets = {0L, 15_000_000_000L, 30_000_000_000L, 59_999_000_000L};
        final Map<String, Long> pathPrice = new HashMap<>();
        for (Candle c : candles.candles()) {
            final long[] prices = {c.openE8, c.lowE8, c.highE8, c.closeE8};
            for (int leg = 0; leg < 4; leg++) {
                pathPrice.put(c.instrumentId + "@" + (c.openTimeNs + offsets[leg]), prices[leg]);
            }
        }
        assertThat(result.fills()).hasSizeGreaterThan(10);
        final double slippage = config.portfolio().slippageBps() / 10_000.0;
        for (Fill f : result.fills()) {
            final Long trade = pathPrice.get(f.instrumentId + "@" + f.timestampNs);
            assertThat(trade).as("fill on a trade of the intra-bar path").isNotNull();
            final double ratio = (double) f.priceE8 / trade;
            if (f.liquidity == Liquidity.MAKER) {
                assertThat(f.side == Side.BUY ? ratio > 1.0 : ratio < 1.0)
                    .as("a resting limit fills only when the path trades through it").isTrue();
            } else if (f.side == Side.BUY) {
                assertThat(ratio).isBetween(1.0, 1.0 + slippage + 1e-9);
            } else {
                assertThat(ratio).isBetween(1.0 - slippage - 1e-9, 1.0);
            }
        }
        assertThat(result.minutes()).isEqualTo(candles.minutes());
        assertThat(result.finalEquityE8()).isEqualTo(session.portfolio().equityE8());
        assertThat(result.sells()).isEqualTo((int) result.fills().stream().filter(f -> f.side == Side.SELL).count());
        assertThat(progress).isSorted().last().isEqualTo((long) candles.size());
        for (int m = 1; m < result.minutes(); m++) {
            assertThat(result.timeNs(m)).isGreaterThan(result.timeNs(m - 1));
        }
    }
}
