package io.ringtrader.metrics;

import io.ringtrader.pipeline.StageChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void shouldRunTheHealthChecksOnItsOwnAgentThreadAndReportTheFirstFailure() throws InterruptedException {
        final Telemetry telemetry = new Telemetry(new Counters(), new LatencyTracker(StageChain.LATENCY_NAMES),
            () -> "test source", 3_600);
        assertThat(telemetry.roleName()).isEqualTo("telemetry");
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicReference<Thread> checkedOn = new AtomicReference<>();
        final CountDownLatch reported = new CountDownLatch(1);
        telemetry.addHealthCheck(() -> {
            checkedOn.set(Thread.currentThread());
            return "disk full";
        });
        telemetry.onUnhealthy(text -> {
            failure.compareAndSet(null, text);
            reported.countDown();
        });
        telemetry.start();
        assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
        telemetry.close();
        assertThat(failure.get()).isEqualTo("disk full");
        assertThat(checkedOn.get().getName()).isEqualTo("telemetry");
        assertThat(checkedOn.get().isDaemon()).isTrue();
        checkedOn.get().join(5_000);
        assertThat(checkedOn.get().isAlive()).as("closed").isFalse();
        assertThat(telemetry.health()).contains("trades/s");
    }
}
