package io.ringtrader.risk;

import io.ringtrader.event.FixedPoint;

/**
 * Drawdown protection as a two-state latch with hysteresis: once the peak-to-current drawdown exceeds
 * {@code maxDrawdown}, new entries stop until the drawdown falls back under {@code drawdownRecovery}. Fed with
 * E8 drawdowns computed on exchange-time marks. Single-threaded: owned by the risk/portfolio handler.
 */
public final class DrawdownGuard {
    private final long maxDrawdownE8;
    private final long recoveryE8;
    private boolean halted;
    private long haltCount;

    /** A guard with limits as fractions (0.15 = 15 %), initially open. */
    public DrawdownGuard(double maxDrawdown, double drawdownRecovery) {
        this(maxDrawdown, drawdownRecovery, false);
    }

    /** A guard with limits as fractions, starting {@code halted} (restored from the state file). */
    public DrawdownGuard(double maxDrawdown, double drawdownRecovery, boolean halted) {
        this.maxDrawdownE8 = FixedPoint.fromDouble(maxDrawdown);
        this.recoveryE8 = FixedPoint.fromDouble(drawdownRecovery);
        this.halted = halted;
    }

    /**
     * Updates the latch with the current drawdown.
     *
     * @return true exactly when this update tripped the latch (entries stop now)
     */
    public boolean update(long drawdownE8) {
        if (!halted && drawdownE8 > maxDrawdownE8) {
            halted = true;
            haltCount++;
            return true;
        }
        if (halted && drawdownE8 < recoveryE8) {
            halted = false;
        }
        return false;
    }

    /** True while new entries are blocked. */
    public boolean halted() {
        return halted;
    }

    /** How many times the latch has tripped. */
    public long haltCount() {
        return haltCount;
    }
}
