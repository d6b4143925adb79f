package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldGrowExponentiallyWithJitterInsideTheBounds() {
        final Backoff backoff = new Backoff(100, 5_000, 3);
        long ceiling = 100;
        for (int attempt = 0; attempt < 20; attempt++) {
            final long delay = backoff.nextDelayMs();
            assertThat(delay).as("attempt %d", attempt).isBetween(Math.max(100, ceiling / 2), ceiling);
            ceiling = Math.min(5_000, ceiling * 2);
        }
    }

    @Test
    void shouldJitterSoClientsDoNotReconnectInLockStep() {
        final Backoff a = new Backoff(100, 60_000, 1);
        final Backoff b = new Backoff(100, 60_000, 2);
        boolean differ = false;
        for (int i = 0; i < 10; i++) {
            differ |= a.nextDelayMs() != b.nextDelayMs();
        }
        assertThat(differ).isTrue();
    }

    @Test
    void shouldStartAgainAfterReset() {
        final Backoff backoff = new Backoff(50, 10_000, 9);
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMs();
        }
        backoff.reset();
        assertThat(backoff.nextDelayMs()).isEqualTo(50);
        assertThat(backoff.attempts()).isEqualTo(1);
    }

    @Test
    void shouldNotOverflowAfterManyAttempts() {
        final Backoff backoff = new Backoff(10, 600_000, 5);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.nextDelayMs()).isBetween(10L, 600_000L);
        }
    }
}
