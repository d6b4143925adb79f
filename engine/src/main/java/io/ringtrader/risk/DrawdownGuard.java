package io.ringtrader.risk;

import io.ringtrader.event.FixedPoint;

/**
 * Drawdown protection as a latch with hysteresis and a cool-off, in exchange time: once the peak-to-current
 * drawdown exceeds {@code maxDrawdown}, new entries stop. They resume when the drawdown falls back under
 * {@code drawdownRecovery}, or when {@code cooloffNs} of exchange time has passed since the latch tripped; in the
 * second case the caller resets the peak to the current equity ({@link #takeCooloffRelease()}), so an account
 * that went to cash is never locked for good. {@link #reset()} is the operator's explicit release.
 * Single-threaded: owned by the risk/portfolio handler.
 */
public final class DrawdownGuard {
    private final long maxDrawdownE8;
    private final long recoveryE8;
    private final long cooloffNs;
    private boolean halted;
    private long haltedSinceNs;
    private boolean cooloffReleased;
    private long haltCount;

    /** A guard with limits as fractions (0.15 = 15 %), no cool-off, initially open. */
    public DrawdownGuard(double maxDrawdown, double drawdownRecovery) {
        this(maxDrawdown, drawdownRecovery, 0, false, 0);
    }

    /**
     * A guard with limits as fractions and a cool-off in nanoseconds (0 = none), starting {@code halted} since
     * {@code haltedSinceNs} (restored from the state file; 0 = since the first update).
     */
    public DrawdownGuard(double maxDrawdown, double drawdownRecovery, long cooloffNs, boolean halted,
                         long haltedSinceNs) {
        this.maxDrawdownE8 = FixedPoint.fromDouble(maxDrawdown);
        this.recoveryE8 = FixedPoint.fromDouble(drawdownRecovery);
        this.cooloffNs = cooloffNs;
        this.halted = halted;
        this.haltedSinceNs = haltedSinceNs;
    }

    /**
     * Updates the latch with the current drawdown at exchange time {@code nowNs}.
     *
     * @return true exactly when this update tripped the latch (entries stop now)
     */
    public boolean update(long drawdownE8, long nowNs) {
        if (!halted && drawdownE8 > maxDrawdownE8) {
            halted = true;
            haltedSinceNs = nowNs;
            haltCount++;
            return true;
        }
        if (halted && haltedSinceNs == 0) {
            haltedSinceNs = nowNs;
        }
        if (halted && drawdownE8 < recoveryE8) {
            halted = false;
        } else if (halted && cooloffNs > 0 && nowNs - haltedSinceNs >= cooloffNs) {
            halted = false;
            cooloffReleased = true;
        }
        return false;
    }

    /** True once after the cool-off released the latch: the caller resets the peak to the current equity. */
    public boolean takeCooloffRelease() {
        final boolean released = cooloffReleased;
        cooloffReleased = false;
        return released;
    }

    /** Opens the latch now (operator reset); the caller resets the peak. */
    public void reset() {
        halted = false;
        cooloffReleased = false;
    }

    /** True while new entries are blocked. */
    public boolean halted() {
        return halted;
    }

    /** Exchange time the latch last tripped. */
    public long haltedSinceNs() {
        return haltedSinceNs;
    }

    /** How many times the latch has tripped. */
    public long haltCount() {
        return haltCount;
    }
}
