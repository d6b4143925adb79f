package io.ringtrader.exchange;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Side;

/**
 * Writes Coinbase Advanced Trade frames (envelope {@code channel}, {@code timestamp}, {@code sequence_num},
 * {@code events}) into one reused builder; the caller copies the text out before building the next frame. Owned
 * by the exchange's event loop thread.
 */
final class AdvancedTradeEncoder {
    private final StringBuilder sb = new StringBuilder(16 * 1024);
    private final String[] productIds;
    private boolean firstTrade;

    AdvancedTradeEncoder(Instruments instruments) {
        productIds = new String[instruments.size()];
        for (int i = 0; i < productIds.length; i++) {
            productIds[i] = instruments.get(i).productId();
        }
    }

    /** Starts a frame: the envelope up to the opening of {@code events}. */
    void begin(String channel, long timestampNs, long sequenceNum) {
        sb.setLength(0);
        sb.append("{\"channel\":\"").append(channel).append("\",\"timestamp\":\"");
        CoinbaseTime.appendRfc3339(sb, timestampNs);
        sb.append("\",\"sequence_num\":").append(sequenceNum).append(",\"events\":[");
    }

    /** Opens a {@code market_trades} event of {@code type} snapshot or update. */
    void beginTrades(String type) {
        sb.append("{\"type\":\"").append(type).append("\",\"trades\":[");
        firstTrade = true;
    }

    /** Appends one trade to the open event. */
    void trade(SimEvent t) {
        if (!firstTrade) {
            sb.append(',');
        }
        firstTrade = false;
        sb.append("{\"trade_id\":\"").append(t.tradeId).append("\",\"product_id\":\"")
            .append(productIds[t.instrumentId]).append("\",\"price\":\"");
        FixedPoint.appendTo(sb, t.priceE8);
        sb.append("\",\"size\":\"");
        FixedPoint.appendTo(sb, t.sizeE8);
        sb.append("\",\"side\":\"").append(Side.name(t.side)).append("\",\"time\":\"");
        CoinbaseTime.appendRfc3339(sb, t.timestampNs);
        sb.append("\"}");
    }

    /** Closes the open trades event. */
    void endTrades() {
        sb.append("]}");
    }

    /** Closes the frame and returns its text (valid until the next {@link #begin}). */
    CharSequence end() {
        return sb.append("]}");
    }

    /** A complete {@code heartbeats} frame. */
    CharSequence heartbeat(long timestampNs, long sequenceNum, long counter, long monotonicNs) {
        begin("heartbeats", timestampNs, sequenceNum);
        sb.append("{\"current_time\":\"");
        CoinbaseTime.appendGoTime(sb, timestampNs, monotonicNs);
        sb.append("\",\"heartbeat_counter\":").append(counter).append('}');
        return end();
    }

    /** A complete cumulative {@code subscriptions} frame. */
    CharSequence subscriptions(long timestampNs, long sequenceNum, boolean[] tradeProducts, boolean heartbeats) {
        begin("subscriptions", timestampNs, sequenceNum);
        sb.append("{\"subscriptions\":{");
        boolean any = false;
        for (int i = 0; i < tradeProducts.length; i++) {
            if (tradeProducts[i]) {
                sb.append(any ? ",\"" : "\"market_trades\":[\"").append(productIds[i]).append('"');
                any = true;
            }
        }
        if (any) {
            sb.append(']');
        }
        if (heartbeats) {
            sb.append(any ? "," : "").append("\"heartbeats\":[\"heartbeats\"]");
        }
        sb.append('}').append('}');
        return end();
    }

    /** An error frame (no envelope, no sequence number), as Coinbase sends for a refused subscribe. */
    CharSequence error(String message) {
        sb.setLength(0);
        sb.append("{\"type\":\"error\",\"message\":\"");
        for (int i = 0; i < message.length(); i++) {
            final char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            }
        }
        return sb.append("\"}");
    }
}
