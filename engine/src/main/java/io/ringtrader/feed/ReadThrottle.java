package io.ringtrader.feed;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.ringtrader.event.RingPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Back-pressure without blocking: when the ring's free slots fall below a threshold, stops reading the socket
 * ({@code autoRead=false}, so TCP pushes back on the server) and re-checks every millisecond on the event loop,
 * resuming once the ring has drained to twice the threshold. Counts pauses and paused time. Used by the feed's I/O
 * thread only.
 */
final class ReadThrottle {
    private final RingPublisher publisher;
    private final FeedStats stats;
    private final EventLoop loop;
    private final LongSupplier nanoClock;
    private final long pauseBelowSlots;
    private final long resumeAtSlots;
    private final Runnable recheck = this::recheck;
    private Channel channel;
    private boolean paused;
    private long pausedSinceNs;

    ReadThrottle(RingPublisher publisher, FeedStats stats, EventLoop loop, LongSupplier nanoClock,
                 double pauseFreeFraction) {
        this.publisher = publisher;
        this.stats = stats;
        this.loop = loop;
        this.nanoClock = nanoClock;
        this.pauseBelowSlots = (long) (pauseFreeFraction * publisher.bufferSize());
        this.resumeAtSlots = Math.min(publisher.bufferSize(), 2 * pauseBelowSlots);
    }

    /** True while reading is paused (the silence is ours: the idle watchdog must not count it). */
    boolean paused() {
        return paused;
    }

    /** After a frame: pause reading {@code ch} if the ring is nearly full. */
    void afterFrame(Channel ch, long nowNs) {
        if (!paused && publisher.remainingCapacity() < pauseBelowSlots) {
            paused = true;
            channel = ch;
            pausedSinceNs = nowNs;
            stats.readPauseStarted();
            ch.config().setAutoRead(false);
            loop.schedule(recheck, 1, TimeUnit.MILLISECONDS);
        }
    }

    /** The connection is gone: end any pause (the next connection starts reading normally). */
    void connectionLost() {
        if (paused) {
            end();
        }
    }

    private void recheck() {
        if (!paused) {
            return;
        }
        if (!channel.isActive() || publisher.remainingCapacity() >= resumeAtSlots) {
            end();
        } else {
            loop.schedule(recheck, 1, TimeUnit.MILLISECONDS);
        }
    }

    private void end() {
        paused = false;
        stats.readPauseEnded(nanoClock.getAsLong() - pausedSinceNs);
        channel.config().setAutoRead(true);
        channel = null;
    }
}
