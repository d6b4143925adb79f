package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VoteCombinerTest {
    private static final byte B = Action.BUY;
    private static final byte S = Action.SELL;
    private static final byte H = Action.HOLD;
    private final VoteCombiner combiner = new VoteCombiner();

    @Test
    void shouldWeighSidesAndNameTheLargestContributorOnTheWinningSide() {
        // buy 1.5*0.8 + 0.5*0.9 = 1.65, sell 1.0*0.6 = 0.6 -> BUY, (1.65 - 0.6) / 3 = 0.35, lead 0 (1.2 > 0.45)
        combiner.combine(new byte[] {B, B, S}, new double[] {0.8, 0.9, 0.6}, new double[] {1.5, 0.5, 1.0}, 3);
        assertThat(combiner.action()).isEqualTo(Action.BUY);
        assertThat(combiner.confidence()).isCloseTo(0.35, Offset.offset(1e-12));
        assertThat(combiner.leadStrategyId()).isZero();
    }

    @Test
    void shouldLetRegimeWeightsFlipTheLead() {
        // the same votes, mean reversion favoured: 0.5*0.8 = 0.4 < 1.5*0.9 = 1.35 -> lead 1
        combiner.combine(new byte[] {B, B, H}, new double[] {0.8, 0.9, 0}, new double[] {0.5, 1.5, 1.0}, 3);
        assertThat(combiner.leadStrategyId()).isEqualTo(1);
    }

    @Test
    void shouldDampConfidenceWhenEveryWeightIsLowered() {
        final byte[] actions = {S, H, H};
        final double[] conf = {0.9, 0, 0};
        combiner.combine(actions, conf, new double[] {1, 1, 1}, 3);
        final double neutral = combiner.confidence();
        combiner.combine(actions, conf, new double[] {0.5, 0.5, 0.5}, 3);
        assertThat(combiner.action()).isEqualTo(Action.SELL);
        assertThat(combiner.confidence()).isCloseTo(neutral / 2, Offset.offset(1e-12));
    }

    @Test
    void shouldHoldOnATieOrWithoutVotes() {
        combiner.combine(new byte[] {B, S}, new double[] {0.5, 0.5}, new double[] {1, 1}, 2);
        assertThat(combiner.action()).isEqualTo(Action.HOLD);
        assertThat(combiner.confidence()).isZero();
        assertThat(combiner.leadStrategyId()).isEqualTo(-1);
        combiner.combine(new byte[] {H}, new double[] {0}, new double[] {1}, 1);
        assertThat(combiner.action()).isEqualTo(Action.HOLD);
    }

    @Test
    void shouldClampConfidenceToOne() {
        combiner.combine(new byte[] {B}, new double[] {1.0}, new double[] {3.0}, 1);
        assertThat(combiner.confidence()).isEqualTo(1.0);
    }
}
