package io.ringtrader.feed;

import io.ringtrader.config.FeedProtocol;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import java.util.ArrayList;
import java.util.List;

/**
 * The products the feed still asks for and the subscribe messages for a protocol. A product Coinbase refuses
 * (an error frame naming it, e.g. MATIC-USD since MATIC became POL) is dropped so the others go on. Used by the
 * feed's I/O thread only (cold path: built per connection, not per event).
 */
final class Subscriptions {
    /** The Exchange feed's public level2 channel (plain {@code level2} needs authentication there). */
    static final String EXCHANGE_LEVEL2 = "level2_batch";
    /** The Advanced Trade level2 channel (its frames say {@code l2_data}). */
    static final String ADVANCED_TRADE_LEVEL2 = "level2";

    private final boolean exchange;
    private final boolean level2;
    private final Instruments instruments;
    private final boolean[] active;

    /** Trades and heartbeats only. */
    Subscriptions(FeedProtocol protocol, Instruments instruments) {
        this(protocol, instruments, false);
    }

    /** Trades, heartbeats and, when {@code level2}, the level2 books. */
    Subscriptions(FeedProtocol protocol, Instruments instruments, boolean level2) {
        this.level2 = level2;
        this.exchange = protocol == FeedProtocol.EXCHANGE;
        this.instruments = instruments;
        this.active = new boolean[instruments.size()];
        java.util.Arrays.fill(active, true);
    }

    /** Products still subscribed. */
    List<String> activeProducts() {
        final List<String> products = new ArrayList<>();
        for (Instrument i : instruments.all()) {
            if (active[i.id()]) {
                products.add(i.productId());
            }
        }
        return products;
    }

    /** The subscribe messages to send, in order, paced by the caller (one per channel on Advanced Trade). */
    List<String> messages() {
        final String ids = jsonList(activeProducts());
        if (exchange) {
            return List.of("{\"type\":\"subscribe\",\"channels\":[{\"name\":\"matches\",\"product_ids\":" + ids
                + "},{\"name\":\"heartbeat\",\"product_ids\":" + ids + "}"
                + (level2 ? ",{\"name\":\"" + EXCHANGE_LEVEL2 + "\",\"product_ids\":" + ids + "}" : "") + "]}");
        }
        final String trades = "{\"type\":\"subscribe\",\"product_ids\":" + ids + ",\"channel\":\"market_trades\"}";
        final String heartbeats = "{\"type\":\"subscribe\",\"product_ids\":" + ids + ",\"channel\":\"heartbeats\"}";
        return level2 ? List.of(trades, heartbeats, level2Message("subscribe", ids)) : List.of(trades, heartbeats);
    }

    /** Unsubscribe then subscribe level2 again: the way to fresh snapshots after the books were lost. */
    List<String> level2Resubscribe() {
        final String ids = jsonList(activeProducts());
        return List.of(level2Message("unsubscribe", ids), level2Message("subscribe", ids));
    }

    private String level2Message(String type, String ids) {
        if (exchange) {
            return "{\"type\":\"" + type + "\",\"channels\":[{\"name\":\"" + EXCHANGE_LEVEL2 + "\",\"product_ids\":"
                + ids + "}]}";
        }
        return "{\"type\":\"" + type + "\",\"product_ids\":" + ids + ",\"channel\":\"" + ADVANCED_TRADE_LEVEL2 + "\"}";
    }

    /** Drops every active product named in an error text; returns the dropped product ids. */
    List<String> dropNamedIn(String errorText) {
        final List<String> dropped = new ArrayList<>();
        for (Instrument i : instruments.all()) {
            if (active[i.id()] && names(errorText, i.productId())) {
                active[i.id()] = false;
                dropped.add(i.productId());
            }
        }
        return dropped;
    }

    /** True when {@code product} appears in {@code text} as a whole word ("ETH-USD" is not in "ETH-USDC"). */
    static boolean names(String text, String product) {
        for (int at = text.indexOf(product); at >= 0; at = text.indexOf(product, at + 1)) {
            final int end = at + product.length();
            if ((at == 0 || !productChar(text.charAt(at - 1))) && (end == text.length()
                || !productChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean productChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    private static String jsonList(List<String> products) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < products.size(); i++) {
            // product ids come from validated config symbols ([A-Z0-9-]): nothing to escape
            sb.append(i == 0 ? "\"" : ",\"").append(products.get(i)).append('"');
        }
        return sb.append(']').toString();
    }
}
