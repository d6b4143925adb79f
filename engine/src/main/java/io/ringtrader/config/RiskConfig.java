package io.ringtrader.config;

/**
 * Position sizing and protection. Fractions are of total portfolio value (equity).
 *
 * @param positionFraction      order size = this x equity x signal confidence
 * @param maxPositionFraction   largest position per symbol
 * @param maxTotalExposure      largest sum of all positions
 * @param correlationThreshold  above this return correlation with what is held, a new order shrinks
 * @param correlationWindow     candles of returns used for correlation
 * @param maxDrawdown           beyond this peak-to-current drawdown: no new entries
 * @param drawdownRecovery      entries resume once drawdown is back under this
 * @param reduceOnDrawdown      also cut positions when the drawdown limit is hit
 * @param drawdownCooloffHours  after the latch trips, entries resume after this much exchange time with the peak
 *                              reset to the equity then (0 = only when the drawdown recovers or on an explicit
 *                              reset)
 */
public record RiskConfig(double positionFraction, double maxPositionFraction, double maxTotalExposure,
                         double correlationThreshold, int correlationWindow, double maxDrawdown,
                         double drawdownRecovery, boolean reduceOnDrawdown, double drawdownCooloffHours) {

    /** Reads the {@code risk} section. */
    public static RiskConfig read(ConfigNode n) {
        final RiskConfig c = new RiskConfig(
            n.decimal("position_fraction", 0.10, 0.0001, 1.0),
            n.decimal("max_position_fraction", 0.25, 0.0001, 1.0),
            n.decimal("max_total_exposure", 0.80, 0.0001, 1.0),
            n.decimal("correlation_threshold", 0.70, 0.0, 1.0),
            (int) n.integer("correlation_window", 60, 5, 10_080),
            n.decimal("max_drawdown", 0.15, 0.001, 1.0),
            n.decimal("drawdown_recovery", 0.10, 0.0, 1.0),
            n.bool("reduce_on_drawdown", false),
            n.decimal("drawdown_cooloff_hours", 24.0, 0.0, 24.0 * 365));
        if (c.drawdownRecovery > c.maxDrawdown) {
            throw n.fail("drawdown_recovery", "must not exceed max_drawdown (" + c.maxDrawdown + ")");
        }
        if (c.positionFraction > c.maxPositionFraction) {
            throw n.fail("position_fraction", "must not exceed max_position_fraction (" + c.maxPositionFraction
                + ")");
        }
        return c;
    }

    /** The defaults (as if the section were empty). */
    public static RiskConfig defaults() {
        return read(ConfigNode.empty());
    }
}
