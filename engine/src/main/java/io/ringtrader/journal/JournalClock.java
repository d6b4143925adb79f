package io.ringtrader.journal;

import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The journal's roll clock: the newest exchange time of the inputs appended so far, never the wall clock, so a
 * daily cycle file holds one UTC day of exchange time (a simulated month at full speed rolls thirty times, a replay
 * of an old tape rolls on the tape's days) and retention can count days in cycles. It never goes back: a late event
 * lands in the current cycle. Advanced by the input appender's thread, read by every appender and tailer of the
 * queue (any thread).
 */
final class JournalClock implements TimeProvider {
    private final AtomicLong millis = new AtomicLong();

    /** Starts at {@code epochMillis} (the start of the queue's last cycle when it already has entries, else 0). */
    void startAt(long epochMillis) {
        millis.accumulateAndGet(epochMillis, Math::max);
    }

    /** Moves the clock to an event's exchange time if that is later; a plain read when it is not (hot path). */
    void advanceNs(long timestampNs) {
        final long ms = Math.floorDiv(timestampNs, 1_000_000L);
        if (ms > millis.get()) {
            millis.accumulateAndGet(ms, Math::max);
        }
    }

    @Override
    public long currentTimeMillis() {
        return millis.get();
    }
}
