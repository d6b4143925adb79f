package io.ringtrader.portfolio;

import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Side;
import io.ringtrader.risk.RiskReason;

/**
 * Paper execution: fills an order at the instrument's last trade price moved against us by the slippage, charges
 * the fee on the notional, validates every invariant (positive quantity on the size increment and above the
 * minimum, cash never negative, no short) and applies the fill to the {@link Portfolio}. Single-threaded: owned
 * by the risk/portfolio handler.
 */
public final class PaperBroker {
    /** One basis point as an E8 fraction. */
    private static final long BPS_E8 = 10_000L;

    private final Portfolio portfolio;
    private final long feeE8;
    private final long slippageE8;
    private long rejected;

    /** A broker for {@code portfolio} with the fee and slippage of {@code config}. */
    public PaperBroker(Portfolio portfolio, PortfolioConfig config) {
        this(portfolio, Math.round(config.feeBps() * BPS_E8), Math.round(config.slippageBps() * BPS_E8));
    }

    /** A broker with fee and slippage given as E8 fractions (60 bps = 600_000). */
    public PaperBroker(Portfolio portfolio, long feeE8, long slippageE8) {
        this.portfolio = portfolio;
        this.feeE8 = feeE8;
        this.slippageE8 = slippageE8;
    }

    /** The price a buy fills at, given the last trade price (slippage raises it). */
    public long buyPriceE8(long lastPriceE8) {
        return lastPriceE8 + FixedPoint.multiply(lastPriceE8, slippageE8);
    }

    /** The price a sell fills at, given the last trade price (slippage lowers it). */
    public long sellPriceE8(long lastPriceE8) {
        return lastPriceE8 - FixedPoint.multiply(lastPriceE8, slippageE8);
    }

    /** The fee charged on {@code notionalE8} (rounded down to 1e-8). */
    public long feeE8(long notionalE8) {
        return FixedPoint.multiply(notionalE8, feeE8);
    }

    /** The largest quantity (not yet rounded to an increment) whose notional plus fee at {@code priceE8} fits. */
    public long affordableQuantityE8(long cashE8, long priceE8) {
        if (cashE8 <= 0 || priceE8 <= 0) {
            return 0;
        }
        final long notional = WideMath.mulDivFloor(cashE8, FixedPoint.ONE, FixedPoint.ONE + feeE8);
        return WideMath.mulDivFloor(notional, FixedPoint.ONE, priceE8);
    }

    /**
     * Executes a validated order and writes the fill's execution and accounting fields into {@code out}
     * (instrument, time, side, price, quantity, notional, fee, realized P&amp;L, position and cash after).
     *
     * @return 0 when filled, {@link RiskReason#INVALID} when an invariant would break (nothing changes then)
     */
    public int execute(Instrument instrument, byte side, long quantityE8, long timestampNs, Fill out) {
        final int id = instrument.id();
        final long last = portfolio.lastPriceE8(id);
        if (quantityE8 <= 0 || last <= 0 || quantityE8 < instrument.minOrderSizeE8()
            || FixedPoint.floorTo(quantityE8, instrument.sizeIncrementE8()) != quantityE8) {
            rejected++;
            return RiskReason.INVALID;
        }
        final long price;
        final long notional;
        final long fee;
        long pnl = 0;
        if (side == Side.BUY) {
            price = buyPriceE8(last);
            notional = FixedPoint.multiply(quantityE8, price);
            fee = feeE8(notional);
            if (notional <= 0 || notional + fee > portfolio.cashE8()) {
                rejected++;
                return RiskReason.INVALID;
            }
            portfolio.applyBuy(id, quantityE8, notional, fee);
        } else if (side == Side.SELL) {
            price = sellPriceE8(last);
            notional = FixedPoint.multiply(quantityE8, price);
            fee = feeE8(notional);
            if (price <= 0 || quantityE8 > portfolio.quantityE8(id)) {
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
        out.priceE8 = price;
        out.quantityE8 = quantityE8;
        out.notionalE8 = notional;
        out.feeE8 = fee;
        out.realizedPnlE8 = pnl;
        out.positionAfterE8 = portfolio.quantityE8(id);
        out.cashAfterE8 = portfolio.cashE8();
        return 0;
    }

    /** Orders refused by validation since start (a non-zero value means a risk bug). */
    public long rejected() {
        return rejected;
    }

    /** The account this broker trades. */
    public Portfolio portfolio() {
        return portfolio;
    }
}
