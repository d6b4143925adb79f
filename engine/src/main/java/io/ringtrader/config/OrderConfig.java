package io.ringtrader.config;

/**
 * How signals become orders and how positions are protected (the {@code orders} section). Distances are
 * fractions of the average entry cost ({@code *_pct}) or multiples of the symbol's 1-minute ATR ({@code *_atr},
 * used instead when above 0); 0 turns an exit off.
 *
 * @param entryType            {@code limit} (post-only, maker fee) or {@code market} (taker fee plus slippage)
 * @param entryOffsetBps       a limit entry rests this far below the last trade price
 * @param entryTimeoutSeconds  an unfilled limit entry expires after this much exchange time
 * @param latencyMs            exchange-time delay before a new order may match a trade
 * @param rebalanceBand        no order while the position plus open orders is within this fraction of the target
 * @param minRebalanceNotional no order for a difference smaller than this (quote currency)
 * @param sellTargetFraction   a SELL signal sets the target to this fraction of the BUY target (0 = flat)
 * @param stopLossPct          stop-loss distance below the average cost
 * @param stopLossAtr          stop-loss distance in ATRs
 * @param takeProfitPct        take-profit distance above the average cost
 * @param takeProfitAtr        take-profit distance in ATRs
 * @param trailingStopPct      trailing-stop distance below the best price since entry
 * @param trailingStopAtr      trailing-stop distance in ATRs
 * @param atrPeriod            candles in the ATR
 * @param maxHoldHours         a position held this long is sold at market (0 = no limit)
 * @param costMultiple         an entry needs an expected move (the take-profit distance) above this many round trips
 *                             of fees and slippage
 * @param cooldownMinutes      no new entry in a symbol for this long after its position was closed
 * @param maxOrdersPerSymbol   order slots per symbol
 * @param minHoldMinutes       a SELL signal flattens a position only after it was held this long (protective
 *                             exits work from the first trade)
 * @param standAsideWithoutEdge stand aside (no entries) when the strategy selection found no strategy that beat
 *                             the costs on the stored history
 */
public record OrderConfig(String entryType, double entryOffsetBps, long entryTimeoutSeconds, long latencyMs,
                          double rebalanceBand, double minRebalanceNotional, double sellTargetFraction,
                          double stopLossPct, double stopLossAtr, double takeProfitPct, double takeProfitAtr,
                          double trailingStopPct, double trailingStopAtr, int atrPeriod, double maxHoldHours,
                          double costMultiple, long cooldownMinutes, int maxOrdersPerSymbol,
                          long minHoldMinutes, boolean standAsideWithoutEdge) {

    /** Reads the {@code orders} section. */
    public static OrderConfig read(ConfigNode n) {
        final OrderConfig c = new OrderConfig(
            n.choice("entry_type", "limit", "limit", "market"),
            n.decimal("entry_offset_bps", 0.0, 0.0, 1_000.0),
            n.integer("entry_timeout_seconds", 900, 1, 86_400),
            n.integer("latency_ms", 50, 0, 60_000),
            n.decimal("rebalance_band", 0.5, 0.0, 1.0),
            n.decimal("min_rebalance_notional", 50.0, 0.0, 1e9),
            n.decimal("sell_target_fraction", 0.0, 0.0, 1.0),
            n.decimal("stop_loss_pct", 0.03, 0.0, 0.9),
            n.decimal("stop_loss_atr", 0.0, 0.0, 1_000.0),
            n.decimal("take_profit_pct", 0.05, 0.0, 10.0),
            n.decimal("take_profit_atr", 0.0, 0.0, 1_000.0),
            n.decimal("trailing_stop_pct", 0.03, 0.0, 0.9),
            n.decimal("trailing_stop_atr", 0.0, 0.0, 1_000.0),
            (int) n.integer("atr_period", 14, 2, 10_080),
            n.decimal("max_hold_hours", 48.0, 0.0, 24.0 * 365),
            n.decimal("cost_multiple", 2.0, 0.0, 100.0),
            n.integer("cooldown_minutes", 720, 0, 10_080),
            (int) n.integer("max_orders_per_symbol", 8, 4, 64),
            n.integer("min_hold_minutes", 720, 0, 10_080),
            n.bool("stand_aside_without_edge", true));
        if (c.stopLossPct == 0 && c.stopLossAtr == 0 && c.trailingStopPct == 0 && c.trailingStopAtr == 0) {
            throw n.fail("stop_loss_pct", "every position needs a protective stop: set stop_loss_pct, stop_loss_atr,"
                + " trailing_stop_pct or trailing_stop_atr above 0");
        }
        return c;
    }

    /** The defaults (as if the section were empty). */
    public static OrderConfig defaults() {
        return read(ConfigNode.empty());
    }

    /** True when entries are post-only limit orders. */
    public boolean limitEntries() {
        return "limit".equals(entryType);
    }
}
