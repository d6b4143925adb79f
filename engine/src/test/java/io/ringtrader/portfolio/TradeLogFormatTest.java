package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Fill;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Side;
import io.ringtrader.risk.RiskReason;
import org.junit.jupiter.api.Test;

class TradeLogFormatTest {

    private static Fill fill() {
        final Fill f = new Fill();
        f.instrumentId = 0;
        f.timestampNs = 1_767_225_600_123_456_789L;
        f.side = Side.SELL;
        f.priceE8 = FixedPoint.parse("65083.67");
        f.quantityE8 = FixedPoint.parse("0.01536");
        f.notionalE8 = FixedPoint.parse("999.6851712");
        f.feeE8 = FixedPoint.parse("5.99811102");
        f.confidence = 0.8125;
        f.strategyId = 1;
        f.regime = Regime.TRENDING_UP;
        f.realizedPnlE8 = FixedPoint.parse("-12.5");
        f.positionAfterE8 = 0;
        f.cashAfterE8 = FixedPoint.parse("100012.34");
        f.reasonCode = RiskReason.POSITION_HELD | RiskReason.CORRELATION;
        f.orderId = 42;
        f.orderType = OrderType.STOP;
        f.liquidity = Liquidity.TAKER;
        f.exitReason = ExitReason.STOP_LOSS;
        return f;
    }

    @Test
    void shouldHaveExactlyTheDocumentedColumns() {
        assertThat(TradeLogFormat.HEADER).isEqualTo("timestamp,symbol,action,price,quantity,notional,fee,confidence,"
            + "strategy,regime,pnl,position_size,cash_after,reason,order_id,order_type,liquidity,exit_reason");
        assertThat(TradeLogFormat.HEADER.split(",")).hasSize(TradeLogFormat.COLUMNS);
    }

    @Test
    void shouldFormatOneRowWithExactDecimalsAndExchangeTime() {
        assertThat(TradeLogFormat.row(fill(), "BTC", "mean_reversion")).isEqualTo(
            "2026-01-01T00:00:00.123456Z,BTC,SELL,65083.67,0.01536,999.6851712,5.99811102,0.8125,mean_reversion,"
                + "trending_up,-12.5,0,100012.34,CORRELATION|POSITION_HELD,42,stop,taker,stop_loss\n");
    }

    @Test
    void shouldQuoteStrategyNamesHoldingCommasOrQuotes() {
        final String row = TradeLogFormat.row(fill(), "BTC", "a,\"b\"");
        assertThat(row).contains(",\"a,\"\"b\"\"\",");
        assertThat(TradeLogFormat.row(fill(), "BTC", "line\nbreak")).doesNotContain("line\n");
    }
}
