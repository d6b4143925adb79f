package io.ringtrader.agent;

import io.ringtrader.config.BackgroundIdle;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One background {@link Agent} on its own daemon thread named after {@link Agent#roleName()}, run by an Agrona
 * {@link AgentRunner}: {@code onStart}, then {@code doWork} with the idle strategy between empty duty cycles, then
 * {@code onClose} (an agent's final drain and flush), all on that thread. An agent ends itself by throwing
 * {@link AgentTerminationException}; any other error is logged (the first {@value #LOGGED_ERRORS}, so a bug that
 * repeats every cycle cannot fill the disk) and the duty cycle goes on.
 *
 * <p>Threading: {@link #start} and {@link #close} are called by the thread that owns the agent (the wiring);
 * {@link #stopped()} may be read from any thread.
 */
public final class AgentThread {
    private static final Logger LOG = LogManager.getLogger(AgentThread.class);
    /** Daemon threads, as the hand-written loops had: a stuck writer must not keep the JVM alive. */
    private static final ThreadFactory DAEMON = runnable -> {
        final Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    };
    /**
     * The period of {@link #timerIdle()}: agents working to a wall-clock deadline of a second or more wake ten times
     * a second, which is also how soon they notice {@link #close}.
     */
    private static final long TIMER_IDLE_MS = 100;
    private static final int LOGGED_ERRORS = 10;

    private final AgentRunner runner;
    private final String role;
    /** Written by the agent's thread only. */
    private volatile long errors;

    private AgentThread(Agent agent, IdleStrategy idle) {
        this.role = agent.roleName();
        this.runner = new AgentRunner(idle, this::onError, null, agent);
    }

    /** Starts {@code agent} on its own thread with the configured {@code idle} strategy. */
    public static AgentThread start(Agent agent, BackgroundIdle idle) {
        return start(agent, idleStrategy(idle));
    }

    /**
     * Starts {@code agent} on a new daemon thread named after its role and returns once that thread runs it, so that
     * {@link #close} always finds {@code onStart} begun and runs {@code onClose} after it, on the agent's thread.
     */
    public static AgentThread start(Agent agent, IdleStrategy idle) {
        final AgentThread started = new AgentThread(agent, idle);
        AgentRunner.startOnThread(started.runner, DAEMON);
        while (started.runner.thread() == null) {
            Thread.yield();
        }
        return started;
    }

    /**
     * A new idle strategy for {@code idle} (one per agent: the back-off keeps state). The default, back-off,
     * reacts within microseconds after work arrives (it spins and yields once, then parks from 1 us, doubling) yet
     * wakes at most once a millisecond per agent while idle, so the three queue-draining agents cost well under 1 %
     * of a core at rest; spinning or yielding would take one of the machine's two cores from the ring consumer and
     * the feed's I/O thread.
     */
    public static IdleStrategy idleStrategy(BackgroundIdle idle) {
        return switch (idle) {
            case BACKOFF -> new BackoffIdleStrategy(1, 1, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(1));
            case SLEEPING -> new SleepingMillisIdleStrategy(1);
            case YIELDING -> YieldingIdleStrategy.INSTANCE;
            case BUSY_SPIN -> BusySpinIdleStrategy.INSTANCE;
        };
    }

    /**
     * The idle strategy of an agent that only works when a wall-clock deadline passes (telemetry, status display):
     * it checks its deadline in {@code doWork}, and sleeping in between costs nothing whatever is configured.
     */
    public static IdleStrategy timerIdle() {
        return new SleepingMillisIdleStrategy(TIMER_IDLE_MS);
    }

    /**
     * Stops the agent: its duty cycle ends, {@code onClose} runs on its thread, and this waits at most
     * {@code timeoutMs} for that. Returns false (and logs an error) when the agent did not stop in time; it is then
     * left to finish on its own, never interrupted (an interrupt would close the channel a writer is flushing).
     */
    public boolean close(long timeoutMs) {
        try {
            runner.close((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMs)), thread -> {
                throw new GaveUp();
            });
        } catch (GaveUp e) {
            LOG.error("{} did not stop within {} ms; left to finish on its own", role, timeoutMs);
            return false;
        }
        // false when an earlier close already gave up and the agent is still finishing
        return runner.isClosed();
    }

    /** True once the agent's {@code onClose} has run (after {@link #close}, or after it ended itself). */
    public boolean stopped() {
        return runner.isClosed();
    }

    /** Unexpected errors the agent threw (its duty cycle went on after each). */
    public long errors() {
        return errors;
    }

    private void onError(Throwable error) {
        if (error instanceof AgentTerminationException) {
            LOG.debug("{} ended itself", role);
            return;
        }
        final long count = ++errors;
        if (count <= LOGGED_ERRORS) {
            LOG.error("{}: unexpected error in its duty cycle{}", role, count == LOGGED_ERRORS
                ? " (further errors are counted, not logged)" : "", error);
        }
    }

    /** Ends {@link AgentRunner#close(int, java.util.function.Consumer)}'s retries at the first timeout. */
    private static final class GaveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GaveUp() {
            super(null, null, false, false);
        }
    }
}
