package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Candle;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeframeStrategyTest {
    private static final long MIN = 60_000_000_000L;

    /** Remembers a copy of every bar it is fed. */
    private static final class Recording implements Strategy {
        final List<Candle> bars = new ArrayList<>();

        @Override
        public void onCandle(Candle candle) {
            final Candle copy = new Candle();
            copy.copyFrom(candle);
            bars.add(copy);
        }

        @Override
        public void vote(Vote out) {
            out.set(io.ringtrader.event.Action.BUY, bars.size(), Vote.REASON_NONE);
        }

        @Override
        public int warmUpCandles() {
            return 20;
        }
    }

    private static List<Candle> minutes(long seed, int count) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Candle> out = new ArrayList<>();
        long t = 1_767_225_600_000_000_000L + random.nextInt(90) * MIN;
        long price = 1_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            t += (random.nextInt(20) == 0 ? 1 + random.nextInt(70) : 1) * MIN; // gaps, some longer than a bar
            final Candle c = new Candle();
            c.instrumentId = 3;
            c.openTimeNs = t;
            c.openE8 = price;
            price += random.nextInt(2_000_001) - 1_000_000;
            c.closeE8 = price;
            c.highE8 = Math.max(c.openE8, c.closeE8) + random.nextInt(500_000);
            c.lowE8 = Math.min(c.openE8, c.closeE8) - random.nextInt(500_000);
            c.volumeE8 = random.nextInt(1_000_000_000);
            c.notionalE8 = c.volumeE8 * 10_000L;
            c.tradeCount = random.nextInt(30);
            c.complete = random.nextInt(50) != 0;
            out.add(c);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 15, 60})
    void shouldAggregateLikeANaiveGroupByOverSeededMinutesWithGaps(int minutes) {
        final long seed = 1000 + minutes;
        final List<Candle> input = minutes(seed, 20_000);
        final Recording inner = new Recording();
        final TimeframeStrategy strategy = new TimeframeStrategy(inner, minutes);
        for (Candle c : input) {
            strategy.onCandle(c);
        }
        // naive: group by bar start; every bar but a last one still waiting for its final minute is emitted
        final TreeMap<Long, List<Candle>> groups = new TreeMap<>();
        for (Candle c : input) {
            groups.computeIfAbsent(Math.floorDiv(c.openTimeNs, minutes * MIN) * minutes * MIN,
                k -> new ArrayList<>()).add(c);
        }
        final Map.Entry<Long, List<Candle>> last = groups.lastEntry();
        final List<Candle> tail = last.getValue();
        if (tail.get(tail.size() - 1).openTimeNs + MIN - last.getKey() < minutes * MIN) {
            groups.remove(last.getKey());
        }
        assertThat(inner.bars).as("seed %d", seed).hasSize(groups.size());
        int i = 0;
        for (Map.Entry<Long, List<Candle>> g : groups.entrySet()) {
            final List<Candle> m = g.getValue();
            final Candle bar = inner.bars.get(i++);
            assertThat(bar.openTimeNs).as("seed %d bar %d", seed, i).isEqualTo(g.getKey());
            assertThat(bar.openE8).isEqualTo(m.get(0).openE8);
            assertThat(bar.closeE8).isEqualTo(m.get(m.size() - 1).closeE8);
            assertThat(bar.highE8).isEqualTo(m.stream().mapToLong(c -> c.highE8).max().orElseThrow());
            assertThat(bar.lowE8).isEqualTo(m.stream().mapToLong(c -> c.lowE8).min().orElseThrow());
            assertThat(bar.volumeE8).isEqualTo(m.stream().mapToLong(c -> c.volumeE8).sum());
            assertThat(bar.notionalE8).isEqualTo(m.stream().mapToLong(c -> c.notionalE8).sum());
            assertThat(bar.tradeCount).isEqualTo(m.stream().mapToLong(c -> c.tradeCount).sum());
            assertThat(bar.instrumentId).isEqualTo(3);
            assertThat(bar.complete).as("seed %d bar %d", seed, i)
                .isEqualTo(m.size() == minutes && m.stream().allMatch(c -> c.complete));
        }
        assertThat(strategy.warmUpCandles()).isEqualTo(20 * minutes);
        final Vote vote = new Vote();
        strategy.vote(vote);
        final Vote own = new Vote();
        inner.vote(own);
        assertThat(vote.action).isEqualTo(own.action); // the inner strategy's own vote
        assertThat(vote.confidence).isEqualTo(own.confidence);
    }

    @Test
    void shouldNotAllocatePerCandle() {
        final Strategy inner = TestCandles.strategy("trend_following");
        final TimeframeStrategy strategy = new TimeframeStrategy(inner, 15);
        final List<Candle> input = minutes(7, 60_000);
        final Vote vote = new Vote();
        for (int i = 0; i < 20_000; i++) {
            strategy.onCandle(input.get(i));
            strategy.vote(vote);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 20_000; i < 60_000; i++) {
            strategy.onCandle(input.get(i));
            strategy.vote(vote);
        }
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1_000);
    }

    @Test
    void shouldBeDeclaredInAStrategysParametersAndRefuseOtherTimeframes() throws Exception {
        final StrategyLibrary library = StrategyLibrary.load();
        final ConfigNode params = new ConfigNode("strategies.params", new ObjectMapper().readTree(
            "{\"trend_following\": {\"timeframe_minutes\": 15}, \"breakout\": {\"timeframe_minutes\": 7}}"));
        final Strategy s = library.configure("trend_following", params).factory().create(0);
        assertThat(s).isInstanceOf(TimeframeStrategy.class);
        assertThat(s.warmUpCandles()).isEqualTo(15 * TestCandles.strategy("trend_following").warmUpCandles());
        assertThatThrownBy(() -> library.configure("breakout", params)).isInstanceOf(ConfigException.class)
            .hasMessageContaining("strategies.params.breakout.timeframe_minutes: must be one of 1, 5, 15, 60");
        assertThat(library.configure("mean_reversion", params).factory().create(0))
            .isNotInstanceOf(TimeframeStrategy.class);
    }
}
