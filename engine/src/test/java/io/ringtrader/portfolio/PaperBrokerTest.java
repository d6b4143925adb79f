package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.Side;
import io.ringtrader.risk.RiskReason;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {
    private static final long ONE = FixedPoint.ONE;
    private static final Instrument A = new Instrument(0, "AAA", "AAA-USD", 1_000_000L, 100_000L, 1_000_000L, 0);

    private final Portfolio portfolio = new Portfolio(1, 100_000 * ONE);
    /** 60 bps fee, 10 bps slippage. */
    private final PaperBroker broker = new PaperBroker(portfolio, new PortfolioConfig(100_000 * ONE, 60, 60, 10,
        false, 60, 10, 1024));
    private final Fill fill = new Fill();

    /** A taker fill at the last trade price moved by the slippage, as a market order gets. */
    private int execute(Instrument instrument, byte side, long quantityE8, long timestampNs, Fill out) {
        final long last = portfolio.lastPriceE8(instrument.id());
        final long price = last <= 0 ? 0 : side == Side.BUY ? broker.buyPriceE8(last) : broker.sellPriceE8(last);
        return broker.settle(instrument, side, quantityE8, price, Liquidity.TAKER, timestampNs, out);
    }

    @Test
    void shouldBuyAtLastPricePlusSlippageAndPayTheFeeIntoCostBasis() {
        portfolio.mark(0, 1_000 * ONE);
        assertThat(execute(A, Side.BUY, 10 * ONE, 77, fill)).isZero();
        assertThat(fill.priceE8).isEqualTo(1_001 * ONE);
        assertThat(fill.notionalE8).isEqualTo(10_010 * ONE);
        assertThat(fill.feeE8).isEqualTo(6_006 * ONE / 100);
        assertThat(fill.cashAfterE8).isEqualTo(100_000 * ONE - 10_010 * ONE - 6_006 * ONE / 100);
        assertThat(fill.positionAfterE8).isEqualTo(10 * ONE);
        assertThat(fill.realizedPnlE8).isZero();
        assertThat(fill.timestampNs).isEqualTo(77);
        assertThat(fill.side).isEqualTo(Side.BUY);
        assertThat(portfolio.costBasisE8(0)).isEqualTo(10_010 * ONE + 6_006 * ONE / 100);
        assertThat(portfolio.equityE8()).isEqualTo(fill.cashAfterE8 + 10_000 * ONE);
    }

    @Test
    void shouldSellAtLastPriceMinusSlippageAndRealizeAgainstAverageCost() {
        portfolio.mark(0, 1_000 * ONE);
        execute(A, Side.BUY, 10 * ONE, 1, fill);
        final long basis = portfolio.costBasisE8(0);
        portfolio.mark(0, 1_100 * ONE);
        assertThat(execute(A, Side.SELL, 4 * ONE, 2, fill)).isZero();
        final long price = 1_100 * ONE - 11 * ONE / 10;
        assertThat(fill.priceE8).isEqualTo(price);
        final long notional = FixedPoint.multiply(4 * ONE, price);
        final long fee = FixedPoint.multiply(notional, 600_000L);
        final long basisSold = basis * 4 / 10;
        assertThat(fill.realizedPnlE8).isEqualTo(notional - fee - basisSold);
        assertThat(portfolio.costBasisE8(0)).isEqualTo(basis - basisSold);
        assertThat(fill.positionAfterE8).isEqualTo(6 * ONE);
        assertThat(execute(A, Side.SELL, 6 * ONE, 3, fill)).isZero();
        assertThat(portfolio.costBasisE8(0)).as("closing releases the whole basis").isZero();
        assertThat(portfolio.cashE8() + 0).isEqualTo(100_000 * ONE + portfolio.realizedPnlE8());
    }

    @Test
    void shouldRejectOrdersThatWouldBreakAnInvariantWithoutChangingAnything() {
        assertThat(execute(A, Side.BUY, ONE, 0, fill)).as("no price yet").isEqualTo(RiskReason.INVALID);
        portfolio.mark(0, 1_000 * ONE);
        assertThat(execute(A, Side.BUY, 0, 0, fill)).isEqualTo(RiskReason.INVALID);
        assertThat(execute(A, Side.BUY, -ONE, 0, fill)).isEqualTo(RiskReason.INVALID);
        assertThat(execute(A, Side.BUY, ONE + 1, 0, fill)).as("off increment").isEqualTo(RiskReason.INVALID);
        assertThat(execute(A, Side.BUY, 100 * ONE, 0, fill)).as("cash would go negative")
            .isEqualTo(RiskReason.INVALID);
        assertThat(execute(A, Side.SELL, ONE, 0, fill)).as("no short").isEqualTo(RiskReason.INVALID);
        assertThat(execute(A, Side.UNKNOWN, ONE, 0, fill)).isEqualTo(RiskReason.INVALID);
        assertThat(broker.rejected()).isEqualTo(7);
        assertThat(portfolio.cashE8()).isEqualTo(100_000 * ONE);
        assertThat(portfolio.quantityE8(0)).isZero();
        assertThat(portfolio.tradeCount()).isZero();
    }

    @Test
    void shouldAffordAtMostCashForNotionalPlusFee() {
        final long q = broker.affordableQuantityE8(1_006 * ONE, 100 * ONE);
        assertThat(q).isEqualTo(10 * ONE);
        assertThat(broker.affordableQuantityE8(0, 100 * ONE)).isZero();
    }
}
