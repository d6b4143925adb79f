package io.ringtrader.feed;

import java.util.Locale;

/** Builds synthetic Coinbase frames for tests (invented ids and prices; no recorded data). */
final class Frames {
    private Frames() {
    }

    /** A trade object for Advanced Trade {@code market_trades}. */
    static String trade(String product, long tradeId, String price, String size, String time, String side) {
        return String.format(Locale.ROOT,
            "{\"product_id\":\"%s\",\"trade_id\":\"%d\",\"price\":\"%s\",\"size\":\"%s\",\"time\":\"%s\","
                + "\"side\":\"%s\"}", product, tradeId, price, size, time, side);
    }

    /** A trade with a price and time derived from its id (one second apart). */
    static String trade(String product, long tradeId) {
        return trade(product, tradeId, price(tradeId), "0.015", time(tradeId), tradeId % 2 == 0 ? "BUY" : "SELL");
    }

    static String price(long tradeId) {
        return String.format(Locale.ROOT, "%d.%02d", 60_000 + tradeId % 1000, tradeId % 100);
    }

    /** 2026-01-02T03:00:00Z plus {@code tradeId} tenths of a second, 6 fraction digits. */
    static String time(long tradeId) {
        final long tenths = tradeId % 36_000;
        return String.format(Locale.ROOT, "2026-01-02T%02d:%02d:%02d.%d00000Z", 3 + tenths / 36_000,
            tenths / 600 % 60, tenths / 10 % 60, tenths % 10);
    }

    /** A {@code market_trades} frame with one event of {@code type} holding the given trade objects. */
    static String marketTrades(long sequenceNum, String type, String... trades) {
        return "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"2026-01-02T03:04:05.123456789Z\","
            + "\"sequence_num\":" + sequenceNum + ",\"events\":[{\"type\":\"" + type + "\",\"trades\":["
            + String.join(",", trades) + "]}]}";
    }

    static String heartbeat(long sequenceNum, String timestamp) {
        return "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"" + timestamp + "\",\"sequence_num\":"
            + sequenceNum + ",\"events\":[{\"current_time\":\"2026-01-02 03:04:05.1 +0000 UTC m=+10.1\","
            + "\"heartbeat_counter\":10}]}";
    }
}
