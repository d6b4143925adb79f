package io.ringtrader.app;

import io.ringtrader.pipeline.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes SIGINT and SIGTERM stop the engine the graceful way and exit 0. The JVM runs shutdown hooks on those
 * signals; ours asks the engine to stop, waits until the main thread has drained the ring, flushed writers, saved
 * state and closed the journal, then halts with the engine's exit code (a plain hook would exit 130/143, and
 * {@code System.exit} from the main thread would deadlock during shutdown).
 */
final class SignalShutdown {
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile boolean signalled;
    private static volatile int exitCode;
    private static volatile Thread hook;

    private SignalShutdown() {
    }

    /** Installs the hook for one engine run; {@code graceMs} bounds how long a signal waits for the drain. */
    static synchronized void install(StopSignal stop, long graceMs) {
        if (hook != null) {
            return;
        }
        hook = new Thread(() -> {
            signalled = true;
            stop.trigger(StopSignal.Reason.SIGNAL, "signal received");
            try {
                DONE.await(graceMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }, "shutdown-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Called by the main thread once everything is persisted; true when a signal hook is waiting to halt. */
    static boolean complete(int code) {
        exitCode = code;
        DONE.countDown();
        return signalled;
    }

    /** True once SIGINT or SIGTERM arrived in this run. */
    static boolean signalled() {
        return signalled;
    }

    /** Removes the hook after a run that ended without a signal (tests run several engines per JVM). */
    static synchronized void uninstall() {
        if (hook != null && !signalled) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook will run and halt.
                return;
            }
            hook = null;
        }
    }
}
