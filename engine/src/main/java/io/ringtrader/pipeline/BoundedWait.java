package io.ringtrader.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A wait on another thread with a deadline on progress: it gives up once what it watches has not moved for a
 * while. A slow but working pipeline (a long recovery) is never cut short; a stuck one never hangs the engine.
 */
public final class BoundedWait {
    private static final long PARK_NS = 100_000;

    private BoundedWait() {
    }

    /**
     * Waits until {@code done} holds. Returns false, without waiting further, once {@code progress} has kept the
     * same value for {@code stallMs} or the calling thread is interrupted.
     */
    public static boolean await(BooleanSupplier done, LongSupplier progress, long stallMs) {
        final long stallNs = TimeUnit.MILLISECONDS.toNanos(stallMs);
        long last = progress.getAsLong();
        long lastMoveNs = System.nanoTime();
        while (!done.getAsBoolean()) {
            final long now = progress.getAsLong();
            if (now != last) {
                last = now;
                lastMoveNs = System.nanoTime();
            } else if (System.nanoTime() - lastMoveNs >= stallNs || Thread.currentThread().isInterrupted()) {
                return done.getAsBoolean();
            }
            LockSupport.parkNanos(PARK_NS);
        }
        return true;
    }
}
