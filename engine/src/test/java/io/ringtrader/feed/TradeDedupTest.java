package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradeDedupTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_261_126L})
    void shouldAgreeWithANaiveSetWhileIdsStayInsideTheWindow(long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TradeDedup fast = new TradeDedup(3, 256);
        final Set<Long> naive = new HashSet<>();
        final long[] highest = {-1, -1, -1};
        for (int i = 0; i < 200_000; i++) {
            final int instrument = random.nextInt(3);
            final long top = Math.max(highest[instrument], 1_000);
            // mostly new ids just above the top, some repeats and late arrivals inside the window
            final long id = random.nextInt(4) == 0 ? top - random.nextInt(200) : top + 1 + random.nextInt(3);
            final boolean expected = naive.add(instrument * 1_000_000_000L + id);
            assertThat(fast.firstSeen(instrument, id)).as("seed %d step %d id %d", seed, i, id).isEqualTo(expected);
            highest[instrument] = Math.max(highest[instrument], id);
        }
    }

    @Test
    void shouldTreatIdsOlderThanTheWindowAsSeen() {
        final TradeDedup dedup = new TradeDedup(1, 64);
        assertThat(dedup.firstSeen(0, 1_000)).isTrue();
        assertThat(dedup.firstSeen(0, 1_000 - 64)).isFalse();
        assertThat(dedup.firstSeen(0, 1_000 - 63)).isTrue();
        assertThat(dedup.highest(0)).isEqualTo(1_000);
    }

    @Test
    void shouldForgetTheWindowAfterALongJump() {
        final TradeDedup dedup = new TradeDedup(1, 64);
        for (long id = 1; id <= 64; id++) {
            assertThat(dedup.firstSeen(0, id)).isTrue();
        }
        assertThat(dedup.firstSeen(0, 10_000)).isTrue();
        assertThat(dedup.firstSeen(0, 9_990)).as("never seen, inside the new window").isTrue();
        assertThat(dedup.firstSeen(0, 9_990)).isFalse();
    }

    @Test
    void shouldRoundTheWindowUpToAPowerOfTwo() {
        assertThat(new TradeDedup(1, 100).window()).isEqualTo(128);
        assertThat(new TradeDedup(1, 16).window()).isEqualTo(64);
    }
}
