package io.ringtrader.exchange;

import io.ringtrader.event.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TradeHistoryTest {
    @Test
    void shouldReturnTheLastTradesNewestFirstLikeANaiveList() {
        final long seed = 77;
        final SplittableRandom random = new SplittableRandom(seed);
        final TradeHistory history = new TradeHistory(3, 100);
        final List<List<SimEvent>> naive = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final SimEvent out = new SimEvent();
        for (int i = 0; i < 1_000; i++) {
            final int product = random.nextInt(3);
            final SimEvent t = new SimEvent().trade(product, i * 1_000L, 1 + random.nextInt(1_000),
                1 + random.nextInt(1_000), i, random.nextBoolean() ? Side.BUY : Side.SELL);
            history.add(t);
            naive.get(product).add(t);
            if (i % 97 == 0) {
                for (int p = 0; p < 3; p++) {
                    final List<SimEvent> all = naive.get(p);
                    assertThat(history.size(p)).as("seed %d", seed).isEqualTo(Math.min(100, all.size()));
                    for (int age = 0; age < history.size(p); age++) {
                        history.newest(p, age, out);
                        assertThat(out.toString()).as("seed %d", seed)
                            .isEqualTo(all.get(all.size() - 1 - age).toString());
                    }
                }
            }
        }
    }

    @Test
    void shouldKeepNothingWithZeroCapacity() {
        final TradeHistory history = new TradeHistory(1, 0);
        history.add(new SimEvent().trade(0, 1, 1, 1, 1, Side.BUY));
        assertThat(history.size(0)).isZero();
    }
}
