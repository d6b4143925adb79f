package io.ringtrader.config;

import io.ringtrader.event.FixedPoint;

/**
 * The paper account.
 *
 * @param startingCashE8        cash at the first start (quote currency)
 * @param takerFeeBps           fee of a fill that takes liquidity (market, stop, marketable limit), basis points
 *                              (default: Coinbase Advanced Trade's lowest tier, Intro 1: 1.20 %)
 * @param makerFeeBps           fee of a resting limit order's fill (Intro 1: 0.60 %)
 * @param slippageBps           taker fills happen at the trade price moved against us by this much
 * @param allowShort            spot only: must stay false (short selling is not implemented)
 * @param stateIntervalSeconds  exchange-time seconds between state-file snapshots when nothing fills
 * @param statusIntervalSeconds wall-clock seconds between console status tables (0 = no status display)
 * @param writerQueueCapacity   fills and snapshots queued for the trade-log writer before overflow is counted
 */
public record PortfolioConfig(long startingCashE8, double takerFeeBps, double makerFeeBps, double slippageBps,
                              boolean allowShort,
                              long stateIntervalSeconds, long statusIntervalSeconds, int writerQueueCapacity) {

    /** Most starting cash accepted: keeps every E8 amount far from long overflow. */
    public static final double MAX_STARTING_CASH = 1e9;

    /** Reads the {@code portfolio} section. */
    public static PortfolioConfig read(ConfigNode n) {
        final PortfolioConfig c = new PortfolioConfig(
            FixedPoint.fromDouble(n.decimal("starting_cash", 100_000.0, 1.0, MAX_STARTING_CASH)),
            n.decimal("taker_fee_bps", 120.0, 0.0, 1_000.0),
            n.decimal("maker_fee_bps", 60.0, 0.0, 1_000.0),
            n.decimal("slippage_bps", 5.0, 0.0, 1_000.0),
            n.bool("allow_short", false),
            n.integer("state_interval_seconds", 60, 1, 86_400),
            n.integer("status_interval_seconds", 10, 0, 3_600),
            (int) n.integer("writer_queue_capacity", 4_096, 16, 1 << 20));
        if (c.allowShort) {
            throw n.fail("allow_short", "short selling is not supported (spot paper trading only); set it to false");
        }
        return c;
    }

    /** The defaults (as if the section were empty). */
    public static PortfolioConfig defaults() {
        return read(ConfigNode.empty());
    }
}
