package io.ringtrader.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final long H = 3_600_000_000_000L;

    @Test
    void shouldRollOrAnchorTheTrainingWithTestPeriodsThatTileTheRange() {
        final List<WalkForward.Fold> rolling = WalkForward.of(0, 72 * H, 24 * H, 12 * H, false).folds();
        assertThat(rolling).containsExactly(new WalkForward.Fold(0, 24 * H, 36 * H),
            new WalkForward.Fold(12 * H, 36 * H, 48 * H), new WalkForward.Fold(24 * H, 48 * H, 60 * H),
            new WalkForward.Fold(36 * H, 60 * H, 72 * H));
        final List<WalkForward.Fold> anchored = WalkForward.of(0, 70 * H, 24 * H, 12 * H, true).folds();
        assertThat(anchored).containsExactly(new WalkForward.Fold(0, 24 * H, 36 * H),
            new WalkForward.Fold(0, 36 * H, 48 * H), new WalkForward.Fold(0, 48 * H, 60 * H));
        assertThatThrownBy(() -> WalkForward.of(0, 30 * H, 24 * H, 12 * H, false))
            .isInstanceOf(ConfigException.class).hasMessageContaining("no fold fits");
    }
}
