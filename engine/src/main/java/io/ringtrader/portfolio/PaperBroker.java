package io.ringtrader.portfolio;

import io.ringtrader.risk.EntryCosts;
import io.ringtrader.event.WideMath;
import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.Side;
import io.ringtrader.order.PaperMatcher;
import io.ringtrader.risk.RiskReason;

/**
 * Paper settlement: applies one matched fill (price and liquidity decided by the matching engine) to the
 * {@link Portfolio}, charging the maker or taker fee on the notional, after validating every invariant (positive
 * quantity on the size increment, cash never negative, no short). Also the price and cost arithmetic that sizing
 * needs (slippage, fees, what cash affords). Single-threaded: owned by the risk/portfolio handler.
 */
public final class PaperBroker implements EntryCosts {
    /** One basis point as an E8 fraction. */
    private static final long BPS_E8 = 10_000L;

    private final Portfolio portfolio;
    private final long takerFeeE8;
    private final long makerFeeE8;
    private final long slippageE8;
    private long rejected;

    /** A broker for {@code portfolio} with the fees and slippage of {@code config}. */
    public PaperBroker(Portfolio portfolio, PortfolioConfig config) {
        this(portfolio, Math.round(config.takerFeeBps() * BPS_E8), Math.round(config.makerFeeBps() * BPS_E8),
            Math.round(config.slippageBps() * BPS_E8));
    }

    /** A broker with fees and slippage as E8 fractions (60 bps = 600_000). */
    public PaperBroker(Portfolio portfolio, long takerFeeE8, long makerFeeE8, long slippageE8) {
        this.portfolio = portfolio;
        this.takerFeeE8 = takerFeeE8;
        this.makerFeeE8 = makerFeeE8;
        this.slippageE8 = slippageE8;
    }

    /** The price a taker buy fills at against a trade at {@code tradePriceE8} (slippage raises it). */
    public long buyPriceE8(long tradePriceE8) {
        return PaperMatcher.takerPriceE8(Side.BUY, tradePriceE8, slippageE8);
    }

    /** The price a taker sell fills at against a trade at {@code tradePriceE8} (slippage lowers it). */
    public long sellPriceE8(long tradePriceE8) {
        return PaperMatcher.takerPriceE8(Side.SELL, tradePriceE8, slippageE8);
    }

    /** The fee on {@code notionalE8} for a fill of {@code liquidity} (rounded down to 1e-8). */
    public long feeE8(long notionalE8, byte liquidity) {
        return FixedPoint.multiply(notionalE8, liquidity == Liquidity.MAKER ? makerFeeE8 : takerFeeE8);
    }

    /** The fee rate of {@code liquidity} as an E8 fraction. */
    public long feeRateE8(byte liquidity) {
        return liquidity == Liquidity.MAKER ? makerFeeE8 : takerFeeE8;
    }

    /** Slippage as an E8 fraction. */
    public long slippageE8() {
        return slippageE8;
    }

    /**
     * The largest quantity (not yet rounded to an increment) whose notional plus the taker fee at {@code priceE8}
     * fits in {@code cashE8} (the taker fee is the larger one, so this is safe for either kind of fill).
     */
    public long affordableQuantityE8(long cashE8, long priceE8) {
        if (cashE8 <= 0 || priceE8 <= 0) {
            return 0;
        }
        final long notional = WideMath.mulDivFloor(cashE8, FixedPoint.ONE, FixedPoint.ONE + takerFeeE8);
        return WideMath.mulDivFloor(notional, FixedPoint.ONE, priceE8);
    }

    /**
     * Settles a matched fill of {@code quantityE8} at {@code priceE8} and writes its execution and accounting
     * fields into {@code out} (instrument, time, side, price, quantity, notional, fee, liquidity, realized
     * P&amp;L, position and cash after).
     *
     * @return 0 when settled, {@link RiskReason#INVALID} when an invariant would break (nothing changes then)
     */
    public int settle(Instrument instrument, byte side, long quantityE8, long priceE8, byte liquidity,
                      long timestampNs, Fill out) {
        final int id = instrument.id();
        if (quantityE8 <= 0 || priceE8 <= 0
            || FixedPoint.floorTo(quantityE8, instrument.sizeIncrementE8()) != quantityE8) {
            rejected++;
            return RiskReason.INVALID;
        }
        final long notional = FixedPoint.multiply(quantityE8, priceE8);
        final long fee = feeE8(notional, liquidity);
        long pnl = 0;
        if (side == Side.BUY) {
            if (notional <= 0 || notional + fee > portfolio.cashE8()) {
                rejected++;
                return RiskReason.INVALID;
            }
            portfolio.applyBuy(id, quantityE8, notional, fee);
        } else if (side == Side.SELL) {
            if (quantityE8 > portfolio.quantityE8(id)) {
                rejected++;
                return RiskReason.INVALID;
            }
            pnl = portfolio.applySell(id, quantityE8, notional, fee);
        } else {
            rejected++;
            return RiskReason.INVALID;
        }
        out.instrumentId = id;
        out.timestampNs = timestampNs;
        out.side = side;
        out.priceE8 = priceE8;
        out.quantityE8 = quantityE8;
        out.notionalE8 = notional;
        out.feeE8 = fee;
        out.liquidity = liquidity;
        out.realizedPnlE8 = pnl;
        out.positionAfterE8 = portfolio.quantityE8(id);
        out.cashAfterE8 = portfolio.cashE8();
        return 0;
    }

    /** Fills refused by validation since start (a non-zero value means a bug upstream). */
    public long rejected() {
        return rejected;
    }

    /** The account this broker settles into. */
    public Portfolio portfolio() {
        return portfolio;
    }
}
