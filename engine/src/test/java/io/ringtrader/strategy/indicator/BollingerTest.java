package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BollingerTest {
    @Test
    void shouldPlaceBandsWidthStddevsAroundTheMean() {
        final Bollinger bands = new Bollinger(4, 2.0);
        for (double c : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            bands.update((long) (c * 1e8));
        }
        // last four {5, 5, 7, 9}: mean 6.5, population variance (2.25+2.25+0.25+6.25)/4 = 2.75
        assertThat(bands.mean()).isEqualTo(6.5);
        assertThat(bands.stddev()).isCloseTo(Math.sqrt(2.75), Offset.offset(1e-12));
        assertThat(bands.upper()).isCloseTo(6.5 + 2 * Math.sqrt(2.75), Offset.offset(1e-12));
        assertThat(bands.lower()).isCloseTo(6.5 - 2 * Math.sqrt(2.75), Offset.offset(1e-12));
        assertThat(bands.zScore(6.5 + Math.sqrt(2.75))).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(bands.ready()).isTrue();
    }
}
