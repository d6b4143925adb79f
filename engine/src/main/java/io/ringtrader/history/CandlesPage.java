package io.ringtrader.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.event.FixedPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded response of {@code GET /api/v3/brokerage/market/products/{id}/candles}:
 * {@code {"candles":[{"start":"<unix s>","low":"..","high":"..","open":"..","close":"..","volume":".."}]}}, numbers
 * as decimal strings, newest first. A body that is not that shape (truncated JSON, no {@code candles} array) is a
 * {@link MalformedPageException}, which the client retries; a single candle with impossible values (a price that is
 * not a positive decimal, high below low, open or close outside them, negative volume, a start that is not on a
 * minute) is rejected and counted, the others kept. Immutable.
 */
final class CandlesPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NS_PER_S = 1_000_000_000L;

    private final List<Candle> candles;
    private final int rejected;

    private CandlesPage(List<Candle> candles, int rejected) {
        this.candles = candles;
        this.rejected = rejected;
    }

    /** Decodes {@code body}; candles in the order the response lists them, source {@link CandleSource#REST}. */
    static CandlesPage decode(byte[] body) throws MalformedPageException {
        final JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPageException("not JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new MalformedPageException("unreadable body (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("candles").isArray()) {
            throw new MalformedPageException("no \"candles\" array in the response");
        }
        final List<Candle> out = new ArrayList<>();
        int rejected = 0;
        for (JsonNode node : root.get("candles")) {
            final Candle c = toCandle(node);
            if (c == null) {
                rejected++;
            } else {
                out.add(c);
            }
        }
        return new CandlesPage(List.copyOf(out), rejected);
    }

    private static Candle toCandle(JsonNode node) {
        final long startS = integer(node.path("start"));
        final long open = decimal(node.path("open"));
        final long high = decimal(node.path("high"));
        final long low = decimal(node.path("low"));
        final long close = decimal(node.path("close"));
        final long volume = decimal(node.path("volume"));
        if (startS < 0 || startS % 60 != 0 || open <= 0 || high <= 0 || low <= 0 || close <= 0 || volume < 0
            || high < low || open < low || open > high || close < low || close > high) {
            return null;
        }
        final Candle c = new Candle();
        c.instrumentId = -1;
        c.openTimeNs = startS * NS_PER_S;
        c.openE8 = open;
        c.highE8 = high;
        c.lowE8 = low;
        c.closeE8 = close;
        c.volumeE8 = volume;
        // REST gives no VWAP: the typical price (h + l + c) / 3 stands in for it
        c.notionalE8 = Math.round((high + low + (double) close) / 3.0 * FixedPoint.toDouble(volume));
        c.tradeCount = 0;
        c.complete = true;
        c.source = CandleSource.REST;
        return c;
    }

    /** A decimal string (or a JSON number, leniently) in E8; {@link FixedPoint#INVALID} otherwise. */
    private static long decimal(JsonNode node) {
        if (node.isTextual()) {
            return FixedPoint.parse(node.textValue());
        }
        if (node.isNumber()) {
            return FixedPoint.parse(node.asText());
        }
        return FixedPoint.INVALID;
    }

    private static long integer(JsonNode node) {
        final String text = node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : "";
        if (text.isEmpty() || text.length() > 12) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }

    /** The valid candles, in response order. */
    List<Candle> candles() {
        return candles;
    }

    /** Candles of the response rejected for impossible values. */
    int rejected() {
        return rejected;
    }
}
