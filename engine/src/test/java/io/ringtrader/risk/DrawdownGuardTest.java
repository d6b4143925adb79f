package io.ringtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.FixedPoint;
import org.junit.jupiter.api.Test;

class DrawdownGuardTest {

    @Test
    void shouldLatchBeyondMaxDrawdownAndReleaseUnderRecovery() {
        final DrawdownGuard g = new DrawdownGuard(0.15, 0.10);
        assertThat(g.update(FixedPoint.fromDouble(0.15))).isFalse();
        assertThat(g.halted()).isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.16))).isTrue();
        assertThat(g.halted()).isTrue();
        assertThat(g.update(FixedPoint.fromDouble(0.20))).as("trips once").isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.12))).isFalse();
        assertThat(g.halted()).as("between recovery and max: still halted").isTrue();
        g.update(FixedPoint.fromDouble(0.0999));
        assertThat(g.halted()).isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.151))).isTrue();
        assertThat(g.haltCount()).isEqualTo(2);
    }
}
