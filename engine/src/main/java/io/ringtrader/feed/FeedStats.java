package io.ringtrader.feed;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The feed's counters. Written only by the feed's I/O thread (single writer, ordered stores), readable from any
 * thread (metrics, console, tests).
 */
public final class FeedStats {
    /** Connection states reported by {@link #state()}. */
    public enum State { IDLE, CONNECTING, CONNECTED, SUBSCRIBED, BACKING_OFF, ENDED, CLOSED }

    private volatile State state = State.IDLE;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong trades = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong gapMissing = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong readPauses = new AtomicLong();
    private final AtomicLong readPausedNs = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong productsRejected = new AtomicLong();
    private final AtomicLong booksResubscribed = new AtomicLong();
    private final AtomicLongArray rejects = new AtomicLongArray(RejectReason.values().length);

    public State state() {
        return state;
    }

    /** Text frames received (all channels). */
    public long frames() {
        return frames.get();
    }

    /** Trades published to the ring. */
    public long trades() {
        return trades.get();
    }

    /** Trades dropped as repeats of ones already published (snapshots, reconnects). */
    public long duplicates() {
        return duplicates.get();
    }

    public long heartbeats() {
        return heartbeats.get();
    }

    /** Gaps detected (sequence or trade-id jumps). */
    public long gaps() {
        return gaps.get();
    }

    /** Events known to be missing over all gaps. */
    public long gapMissing() {
        return gapMissing.get();
    }

    /** Connections lost and retried. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Successful WebSocket handshakes. */
    public long connects() {
        return connects.get();
    }

    /** Times reading the socket was paused because the ring was nearly full. */
    public long readPauses() {
        return readPauses.get();
    }

    /** Total time reading was paused, ns. */
    public long readPausedNs() {
        return readPausedNs.get();
    }

    /** Trades lost because the ring was full. */
    public long drops() {
        return drops.get();
    }

    /** Products Coinbase refused to subscribe (and that the feed dropped). */
    public long productsRejected() {
        return productsRejected.get();
    }

    /** Rejections for {@code reason}. */
    public long rejects(RejectReason reason) {
        return rejects.get(reason.ordinal());
    }

    /** Rejections over all reasons except {@link RejectReason#IGNORED_MESSAGE}. */
    public long rejectsTotal() {
        long sum = 0;
        for (RejectReason r : RejectReason.values()) {
            if (r != RejectReason.IGNORED_MESSAGE) {
                sum += rejects(r);
            }
        }
        return sum;
    }

    /** One line for the log: state and every non-zero counter. */
    public String summary() {
        final StringBuilder sb = new StringBuilder(256);
        sb.append("feed state=").append(state).append(" frames=").append(frames()).append(" trades=")
            .append(trades()).append(" dup=").append(duplicates()).append(" heartbeats=").append(heartbeats())
            .append(" gaps=").append(gaps()).append('/').append(gapMissing()).append(" reconnects=")
            .append(reconnects()).append(" pauses=").append(readPauses()).append('/')
            .append(readPausedNs() / 1_000_000).append("ms drops=").append(drops()).append(" rejects={");
        boolean first = true;
        for (RejectReason r : RejectReason.values()) {
            final long n = rejects(r);
            if (n > 0) {
                sb.append(first ? "" : ",").append(r.name().toLowerCase(Locale.ROOT)).append('=').append(n);
                first = false;
            }
        }
        return sb.append('}').toString();
    }

    // ---- writers: the I/O thread only ----

    void state(State newState) {
        state = newState;
    }

    void frame() {
        bump(frames, 1);
    }

    void trades(long n) {
        bump(trades, n);
    }

    void duplicate() {
        bump(duplicates, 1);
    }

    void heartbeat() {
        bump(heartbeats, 1);
    }

    void gap(long missing) {
        bump(gaps, 1);
        bump(gapMissing, missing);
    }

    void reconnect() {
        bump(reconnects, 1);
    }

    void connected() {
        bump(connects, 1);
    }

    void readPauseStarted() {
        bump(readPauses, 1);
    }

    void readPauseEnded(long pausedNs) {
        bump(readPausedNs, pausedNs);
    }

    void drop() {
        bump(drops, 1);
    }

    void booksResubscribed() {
        bump(booksResubscribed, 1);
    }

    /** Times level2 was resubscribed for fresh snapshots after the books were lost on a live connection. */
    public long booksResubscribes() {
        return booksResubscribed.get();
    }

    void productRejected() {
        bump(productsRejected, 1);
    }

    void reject(RejectReason reason) {
        final int i = reason.ordinal();
        rejects.lazySet(i, rejects.get(i) + 1);
    }

    private static void bump(AtomicLong counter, long n) {
        counter.lazySet(counter.get() + n);
    }
}
