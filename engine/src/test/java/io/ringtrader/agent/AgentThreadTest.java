package io.ringtrader.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.BackgroundIdle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;

class AgentThreadTest {

    /** Counts its duty cycles and records the threads its callbacks ran on. */
    private static final class Recording implements Agent {
        final AtomicInteger cycles = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile Thread startThread;
        volatile Thread closeThread;
        volatile int endAfter = Integer.MAX_VALUE;
        volatile boolean blockOnClose;

        @Override
        public void onStart() {
            startThread = Thread.currentThread();
        }

        @Override
        public int doWork() {
            if (cycles.incrementAndGet() >= endAfter) {
                throw new AgentTerminationException("done");
            }
            return 0;
        }

        @Override
        public void onClose() {
            closeThread = Thread.currentThread();
            if (blockOnClose) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public String roleName() {
            return "test-agent";
        }
    }

    @Test
    void shouldRunTheAgentOnADaemonThreadNamedAfterItsRoleAndCloseItThere() {
        final Recording agent = new Recording();
        final AgentThread thread = AgentThread.start(agent, BackgroundIdle.BACKOFF);
        while (agent.cycles.get() < 3) {
            Thread.onSpinWait();
        }
        assertThat(thread.stopped()).isFalse();
        assertThat(thread.close(5_000)).isTrue();
        assertThat(thread.stopped()).isTrue();
        assertThat(agent.startThread.getName()).isEqualTo("test-agent");
        assertThat(agent.startThread.isDaemon()).isTrue();
        assertThat(agent.closeThread).isSameAs(agent.startThread);
        assertThat(thread.errors()).isZero();
    }

    @Test
    void shouldRunOnCloseOnTheAgentThreadEvenWhenClosedRightAfterStart() {
        final Recording agent = new Recording();
        final AgentThread thread = AgentThread.start(agent, AgentThread.timerIdle());
        assertThat(thread.close(5_000)).isTrue();
        assertThat(agent.closeThread).isNotNull().isSameAs(agent.startThread).isNotSameAs(Thread.currentThread());
    }

    @Test
    void shouldStopWhenTheAgentEndsItself() {
        final Recording agent = new Recording();
        agent.endAfter = 5;
        final AgentThread thread = AgentThread.start(agent, BackgroundIdle.SLEEPING);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!thread.stopped() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.stopped()).isTrue();
        assertThat(agent.cycles.get()).isEqualTo(5);
        assertThat(agent.closeThread).isSameAs(agent.startThread);
        assertThat(thread.errors()).as("ending itself is not an error").isZero();
        assertThat(thread.close(1_000)).isTrue();
    }

    @Test
    void shouldGiveUpAfterTheDeadlineAndLeaveTheAgentToFinish() throws InterruptedException {
        final Recording agent = new Recording();
        agent.blockOnClose = true;
        final AgentThread thread = AgentThread.start(agent, BackgroundIdle.BACKOFF);
        assertThat(thread.close(50)).isFalse();
        assertThat(thread.stopped()).isFalse();
        assertThat(agent.startThread.isInterrupted()).as("never interrupted").isFalse();
        assertThat(thread.close(50)).as("a second close does not claim it stopped").isFalse();
        agent.release.countDown();
        agent.startThread.join(10_000);
        assertThat(thread.stopped()).isTrue();
    }

    @Test
    void shouldCountErrorsAndKeepRunning() {
        final AtomicInteger cycles = new AtomicInteger();
        final Agent failing = new Agent() {
            @Override
            public int doWork() {
                cycles.incrementAndGet();
                throw new IllegalStateException("bug");
            }

            @Override
            public String roleName() {
                return "failing-agent";
            }
        };
        final AgentThread thread = AgentThread.start(failing, BackgroundIdle.SLEEPING);
        while (cycles.get() < 20) {
            Thread.onSpinWait();
        }
        assertThat(thread.close(5_000)).isTrue();
        assertThat(thread.errors()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldMapEveryConfiguredIdleToItsAgronaStrategy() {
        assertThat(AgentThread.idleStrategy(BackgroundIdle.BACKOFF)).isInstanceOf(BackoffIdleStrategy.class);
        assertThat(AgentThread.idleStrategy(BackgroundIdle.BACKOFF))
            .as("back-off keeps state: one per agent").isNotSameAs(AgentThread.idleStrategy(BackgroundIdle.BACKOFF));
        assertThat(AgentThread.idleStrategy(BackgroundIdle.SLEEPING)).isInstanceOf(SleepingMillisIdleStrategy.class);
        assertThat(AgentThread.idleStrategy(BackgroundIdle.YIELDING)).isInstanceOf(YieldingIdleStrategy.class);
        assertThat(AgentThread.idleStrategy(BackgroundIdle.BUSY_SPIN)).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(AgentThread.timerIdle()).isInstanceOf(SleepingMillisIdleStrategy.class);
    }
}
