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

    /**
     * A complete {@code l2_data} frame for product {@code id}: its whole book ({@code snapshot}) or the levels that
     * changed since the previous second ({@code update}, absolute sizes, 0 for a level that went).
     */
    CharSequence level2(long timestampNs, long sequenceNum, int id, SimBook book, boolean snapshot) {
        beginLevel2(timestampNs, sequenceNum, id, snapshot);
        final int base = id * SimBook.LEVELS;
        for (int side = 0; side < 2; side++) {
            final long[] prices = side == 0 ? book.bidPriceE8 : book.askPriceE8;
            final long[] sizes = side == 0 ? book.bidSizeE8 : book.askSizeE8;
            final long[] prevPrices = side == 0 ? book.prevBidPriceE8 : book.prevAskPriceE8;
            final long[] prevSizes = side == 0 ? book.prevBidSizeE8 : book.prevAskSizeE8;
            final String name = side == 0 ? "bid" : "offer";
            if (!snapshot) {
                for (int k = 0; k < SimBook.LEVELS; k++) {
                    final long p = prevPrices[base + k];
                    if (p > 0 && indexOf(prices, base, p) < 0) {
                        level(name, timestampNs, p, 0); // the level went
                    }
                }
            }
            for (int k = 0; k < SimBook.LEVELS; k++) {
                final long p = prices[base + k];
                final int was = indexOf(prevPrices, base, p);
                if (snapshot || was < 0 || prevSizes[base + was] != sizes[base + k]) {
                    level(name, timestampNs, p, sizes[base + k]);
                }
            }
        }
        sb.append("]}");
        return end();
    }

    /**
     * A complete {@code l2_data} frame from a tape: product {@code id}'s whole book as it stands ({@code snapshot}),
     * or the levels of the {@link SimEvent#LEVEL2} update {@code change} (absolute sizes, 0 for a level that went).
     */
    CharSequence level2(long timestampNs, long sequenceNum, int id, TapeBook book, SimEvent change, boolean snapshot) {
        beginLevel2(timestampNs, sequenceNum, id, snapshot);
        if (snapshot) {
            for (int side = 0; side < 2; side++) {
                final boolean bid = side == 0;
                for (int rank = 0; rank < book.levels(id, bid); rank++) {
                    level(bid ? "bid" : "offer", timestampNs, book.priceE8(id, bid, rank), book.sizeE8(id, bid, rank));
                }
            }
        } else {
            for (int i = change.levelsFrom; i < change.levelsTo; i++) {
                level(book.pendingBid(i) ? "bid" : "offer", timestampNs, book.pendingPriceE8(i),
                    book.pendingSizeE8(i));
            }
        }
        sb.append("]}");
        return end();
    }

    private void beginLevel2(long timestampNs, long sequenceNum, int id, boolean snapshot) {
        begin("l2_data", timestampNs, sequenceNum);
        sb.append("{\"type\":\"").append(snapshot ? "snapshot" : "update").append("\",\"product_id\":\"")
            .append(productIds[id]).append("\",\"updates\":[");
        firstTrade = true;
    }

    private static int indexOf(long[] prices, int base, long price) {
        for (int k = 0; k < SimBook.LEVELS; k++) {
            if (prices[base + k] == price) {
                return k;
            }
        }
        return -1;
    }

    private void level(String side, long timestampNs, long priceE8, long sizeE8) {
        sb.append(firstTrade ? "" : ",").append("{\"side\":\"").append(side).append("\",\"event_time\":\"");
        firstTrade = false;
        CoinbaseTime.appendRfc3339(sb, timestampNs);
        sb.append("\",\"price_level\":\"");
        FixedPoint.appendTo(sb, priceE8);
        sb.append("\",\"new_quantity\":\"");
        FixedPoint.appendTo(sb, sizeE8);
        sb.append("\"}");
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
        return subscriptions(timestampNs, sequenceNum, tradeProducts, heartbeats, null);
    }

    /** The cumulative {@code subscriptions} frame, with the {@code level2} products when {@code bookProducts}. */
    CharSequence subscriptions(long timestampNs, long sequenceNum, boolean[] tradeProducts, boolean heartbeats,
                               boolean[] bookProducts) {
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
            any = true;
        }
        boolean anyBook = false;
        for (int i = 0; bookProducts != null && i < bookProducts.length; i++) {
            if (bookProducts[i]) {
                sb.append(anyBook ? ",\"" : (any ? "," : "") + "\"level2\":[\"").append(productIds[i]).append('"');
                anyBook = true;
            }
        }
        if (anyBook) {
            sb.append(']');
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
