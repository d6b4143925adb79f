package io.ringtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.FixedPoint;
import org.junit.jupiter.api.Test;

class DrawdownGuardTest {

    @Test
    void shouldLatchBeyondMaxDrawdownAndReleaseUnderRecovery() {
        final DrawdownGuard g = new DrawdownGuard(0.15, 0.10);
        assertThat(g.update(FixedPoint.fromDouble(0.15), 0)).isFalse();
        assertThat(g.halted()).isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.16), 0)).isTrue();
        assertThat(g.halted()).isTrue();
        assertThat(g.update(FixedPoint.fromDouble(0.20), 0)).as("trips once").isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.12), 0)).isFalse();
        assertThat(g.halted()).as("between recovery and max: still halted").isTrue();
        g.update(FixedPoint.fromDouble(0.0999), 0);
        assertThat(g.halted()).isFalse();
        assertThat(g.update(FixedPoint.fromDouble(0.151), 0)).isTrue();
        assertThat(g.haltCount()).isEqualTo(2);
    }

    @Test
    void shouldReleaseAfterTheCoolOffInExchangeTime() {
        final long hour = 3_600_000_000_000L;
        final DrawdownGuard g = new DrawdownGuard(0.15, 0.10, 24 * hour, false, 0);
        assertThat(g.update(FixedPoint.fromDouble(0.20), 5 * hour)).isTrue();
        assertThat(g.update(FixedPoint.fromDouble(0.20), 28 * hour)).isFalse();
        assertThat(g.halted()).as("23 h later: still cooling off").isTrue();
        assertThat(g.takeCooloffRelease()).isFalse();
        g.update(FixedPoint.fromDouble(0.20), 29 * hour);
        assertThat(g.halted()).as("24 h after tripping, even though the drawdown did not recover").isFalse();
        assertThat(g.takeCooloffRelease()).as("the caller resets the peak once").isTrue();
        assertThat(g.takeCooloffRelease()).isFalse();
    }

    @Test
    void shouldReleaseARestoredLatchWithoutATripTimeAfterTheCoolOffFromTheFirstUpdate() {
        final long hour = 3_600_000_000_000L;
        final DrawdownGuard g = new DrawdownGuard(0.15, 0.10, hour, true, 0);
        g.update(FixedPoint.fromDouble(0.30), 10 * hour);
        assertThat(g.halted()).isTrue();
        g.update(FixedPoint.fromDouble(0.30), 11 * hour);
        assertThat(g.halted()).isFalse();
        final DrawdownGuard manual = new DrawdownGuard(0.15, 0.10, 0, true, 1);
        manual.update(FixedPoint.fromDouble(0.30), Long.MAX_VALUE / 2);
        assertThat(manual.halted()).as("no cool-off configured: only recovery or reset").isTrue();
        manual.reset();
        assertThat(manual.halted()).isFalse();
    }
}
