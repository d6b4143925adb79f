package io.ringtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrader.event.Candle;
import io.ringtrader.strategy.indicator.RollingCorrelation;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {
    private static final long MINUTE_NS = 60_000_000_000L;

    private static Candle candle(int id, long minute, long closeE8) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = minute * MINUTE_NS;
        c.closeE8 = closeE8;
        c.complete = true;
        return c;
    }

    @Test
    void shouldPairReturnsOfTheSameMinuteWhateverTheCloseOrder() {
        final long seed = 42;
        final Random rnd = new Random(seed);
        final int window = 20;
        final CorrelationMatrix m = new CorrelationMatrix(3, window);
        final RollingCorrelation expected01 = new RollingCorrelation(window);
        final long[] close = {6_500_000_000_000L, 300_000_000_000L, 15_000_000_000L};
        final long[] prev = close.clone();
        for (long minute = 0; minute < 200; minute++) {
            final double common = rnd.nextGaussian() * 0.003;
            for (int i = 0; i < 3; i++) {
                prev[i] = close[i];
                close[i] = Math.max(1, Math.round(close[i] * Math.exp(common * (i == 2 ? -1 : 1)
                    + rnd.nextGaussian() * 0.001)));
            }
            // instruments close in a shuffled order each minute; instrument 2 skips some minutes
            final int first = rnd.nextInt(2);
            m.onCandle(candle(first, minute, close[first]));
            if (minute % 7 != 3) {
                m.onCandle(candle(2, minute, close[2]));
            }
            m.onCandle(candle(1 - first, minute, close[1 - first]));
            if (minute > 0) {
                expected01.add(Math.log((double) close[0] / prev[0]), Math.log((double) close[1] / prev[1]));
            }
        }
        assertThat(m.correlation(0, 1)).as("seed %d", seed).isCloseTo(expected01.value(), within(1e-12));
        assertThat(m.correlation(1, 0)).isEqualTo(m.correlation(0, 1));
        assertThat(m.correlation(0, 1)).isGreaterThan(0.8);
        assertThat(m.correlation(0, 2)).isLessThan(-0.5);
        assertThat(m.correlation(1, 1)).isEqualTo(1.0);
    }

    @Test
    void shouldReportZeroUntilTheWindowIsFull() {
        final CorrelationMatrix m = new CorrelationMatrix(2, 5);
        for (long minute = 0; minute < 5; minute++) {
            m.onCandle(candle(0, minute, 100 + minute));
            m.onCandle(candle(1, minute, 200 + 2 * minute));
        }
        assertThat(m.pairCount(0, 1)).isEqualTo(4);
        assertThat(m.correlation(0, 1)).isZero();
        m.onCandle(candle(0, 5, 110));
        m.onCandle(candle(1, 5, 220));
        assertThat(m.pairCount(0, 1)).isEqualTo(5);
        assertThat(m.correlation(0, 1)).isGreaterThan(0.9);
    }

    @Test
    void shouldIgnoreUnknownInstrumentsAndBadCloses() {
        final CorrelationMatrix m = new CorrelationMatrix(2, 5);
        m.onCandle(candle(7, 0, 100));
        m.onCandle(candle(-1, 0, 100));
        m.onCandle(candle(0, 0, 0));
        assertThat(m.pairCount(0, 1)).isZero();
    }
}
