package io.ringtrader.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why and when the engine should stop: a signal (SIGINT/SIGTERM), the end of the feed, the end of {@code
 * --duration}, or a failure. The first reason wins; any thread may trigger it, the main thread waits on it.
 */
public final class StopSignal {
    /** Reasons, with the exit code each leads to. */
    public enum Reason {
        SIGNAL(0), END_OF_FEED(0), DURATION(0), FAILURE(1);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        /** Process exit code for this reason. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final CountDownLatch latch = new CountDownLatch(1);
    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private volatile String detail = "";

    /** Requests a stop; only the first call counts. */
    public void trigger(Reason why, String text) {
        if (reason.compareAndSet(null, why)) {
            detail = text;
            latch.countDown();
        }
    }

    /** Waits up to {@code timeoutMs} (forever if &lt;= 0) for a stop; true when one was requested. */
    public boolean await(long timeoutMs) throws InterruptedException {
        if (timeoutMs <= 0) {
            latch.await();
            return true;
        }
        return latch.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** True once a stop was requested. */
    public boolean triggered() {
        return reason.get() != null;
    }

    /** The reason, or null while running. */
    public Reason reason() {
        return reason.get();
    }

    /** Free text explaining the reason. */
    public String detail() {
        return detail;
    }
}
