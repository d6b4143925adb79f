package io.ringtrader.config;

import io.ringtrader.event.FixedPoint;

/**
 * The paper account.
 *
 * @param startingCashE8  cash at the first start (quote currency)
 * @param feeBps          fee per fill in basis points (default: Coinbase Advanced taker, lowest tier)
 * @param slippageBps     fills at last trade price moved against us by this much
 * @param allowShort      spot only unless true
 */
public record PortfolioConfig(long startingCashE8, double feeBps, double slippageBps, boolean allowShort) {

    /** Most starting cash accepted: keeps every E8 amount far from long overflow. */
    public static final double MAX_STARTING_CASH = 1e9;

    /** Reads the {@code portfolio} section. */
    public static PortfolioConfig read(ConfigNode n) {
        return new PortfolioConfig(
            FixedPoint.fromDouble(n.decimal("starting_cash", 100_000.0, 1.0, MAX_STARTING_CASH)),
            n.decimal("fee_bps", 60.0, 0.0, 1_000.0),
            n.decimal("slippage_bps", 5.0, 0.0, 1_000.0),
            n.bool("allow_short", false));
    }
}
