package io.ringtrader.portfolio;

import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.risk.RiskReason;

/**
 * The trade log's CSV format: one header and one pure row function, shared by the live writer and the backtest so
 * both produce the same columns byte for byte. Stateless; safe on any thread.
 */
public final class TradeLogFormat {
    /** The header line (without line break). */
    public static final String HEADER = "timestamp,symbol,action,price,quantity,notional,fee,confidence,strategy,"
        + "regime,pnl,position_size,cash_after,reason,order_id,order_type,liquidity,exit_reason";
    /** Number of columns. */
    public static final int COLUMNS = 18;

    private TradeLogFormat() {
    }

    /**
     * Appends one row for {@code fill} with its line break: exchange time (RFC 3339, micros, UTC), symbol, BUY/SELL,
     * decimals as plain text, confidence with 8 decimals at most, strategy name (quoted if it holds a comma or
     * quote), regime name, realized P&amp;L, position and cash after, the readable risk reasons, then the order id,
     * order type, maker/taker and the exit reason (empty for entries).
     */
    public static void appendRow(StringBuilder sb, Fill fill, String symbol, String strategy) {
        Rfc3339.appendMicros(sb, fill.timestampNs);
        sb.append(',');
        appendText(sb, symbol);
        sb.append(',').append(Side.name(fill.side)).append(',');
        FixedPoint.appendTo(sb, fill.priceE8);
        sb.append(',');
        FixedPoint.appendTo(sb, fill.quantityE8);
        sb.append(',');
        FixedPoint.appendTo(sb, fill.notionalE8);
        sb.append(',');
        FixedPoint.appendTo(sb, fill.feeE8);
        sb.append(',');
        FixedPoint.appendTo(sb, confidenceE8(fill.confidence));
        sb.append(',');
        appendText(sb, strategy);
        sb.append(',').append(Regime.name(fill.regime)).append(',');
        FixedPoint.appendTo(sb, fill.realizedPnlE8);
        sb.append(',');
        FixedPoint.appendTo(sb, fill.positionAfterE8);
        sb.append(',');
        FixedPoint.appendTo(sb, fill.cashAfterE8);
        sb.append(',');
        RiskReason.appendTo(sb, fill.reasonCode);
        sb.append(',').append(fill.orderId).append(',').append(OrderType.name(fill.orderType)).append(',')
            .append(Liquidity.name(fill.liquidity)).append(',').append(ExitReason.name(fill.exitReason));
        sb.append('\n');
    }

    /** One row as a string (tests, tools). */
    public static String row(Fill fill, String symbol, String strategy) {
        final StringBuilder sb = new StringBuilder(192);
        appendRow(sb, fill, symbol, strategy);
        return sb.toString();
    }

    private static long confidenceE8(double confidence) {
        return Double.isFinite(confidence) ? Math.round(confidence * FixedPoint.ONE) : 0;
    }

    private static void appendText(StringBuilder sb, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(text);
            return;
        }
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        sb.append('"');
    }
}
