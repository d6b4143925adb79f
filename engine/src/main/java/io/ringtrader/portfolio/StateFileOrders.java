package io.ringtrader.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.event.TimeInForce;
import io.ringtrader.order.Order;
import io.ringtrader.order.OrderBook;
import java.io.IOException;
import java.util.Map;

/**
 * The state file's order part: {@code orders} (every open order and armed exit, with what a restart needs to carry
 * on exactly: prices as decimal strings, times as epoch nanoseconds beside a readable RFC 3339 copy),
 * {@code positions_plan} (entry time and cooldown per symbol) and {@code next_order_id}. Stateless.
 */
final class StateFileOrders {
    private StateFileOrders() {
    }

    static void render(JsonGenerator g, OrderBook book, Instruments instruments) throws IOException {
        g.writeNumberField("next_order_id", book.nextOrderId());
        g.writeArrayFieldStart("orders");
        for (int id = 0; id < book.instrumentCount(); id++) {
            for (int k = 0; k < book.slotsPerInstrument(); k++) {
                final Order o = book.slot(id, k);
                if (o.id != 0 && o.open()) {
                    renderOrder(g, o, instruments);
                }
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("positions_plan");
        for (int id = 0; id < book.instrumentCount(); id++) {
            if (book.entryNs(id) != 0 || book.cooldownUntilNs(id) != 0) {
                g.writeObjectFieldStart(instruments.get(id).symbol());
                g.writeNumberField("entered_ns", book.entryNs(id));
                g.writeNumberField("cooldown_until_ns", book.cooldownUntilNs(id));
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private static void renderOrder(JsonGenerator g, Order o, Instruments instruments) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", o.id);
        g.writeStringField("symbol", instruments.get(o.instrumentId).symbol());
        g.writeStringField("side", Side.name(o.side));
        g.writeStringField("type", OrderType.name(o.type));
        g.writeStringField("time_in_force", TimeInForce.name(o.timeInForce));
        g.writeStringField("state", OrderState.name(o.state));
        g.writeStringField("purpose", o.exitReason == ExitReason.NONE ? "entry" : ExitReason.name(o.exitReason));
        g.writeStringField("quantity", FixedPoint.format(o.quantityE8));
        g.writeStringField("filled", FixedPoint.format(o.filledE8));
        g.writeStringField("limit_price", FixedPoint.format(o.limitPriceE8));
        g.writeStringField("stop_price", FixedPoint.format(o.stopPriceE8));
        g.writeStringField("trail_distance", FixedPoint.format(o.trailDistanceE8));
        g.writeStringField("high_water", FixedPoint.format(o.highWaterE8));
        g.writeStringField("placed", Rfc3339.formatMicros(o.placedNs));
        g.writeNumberField("placed_ns", o.placedNs);
        g.writeNumberField("active_from_ns", o.activeFromNs);
        g.writeNumberField("expires_ns", o.expiresNs);
        g.writeBooleanField("marketable", o.marketable);
        g.writeNumberField("strategy_id", o.strategyId);
        g.writeNumberField("regime", o.regime);
        g.writeNumberField("confidence", o.confidence);
        g.writeNumberField("reason_code", o.reasonCode);
        g.writeEndObject();
    }

    static void parse(JsonNode root, OrderBook book, Instruments instruments, String name)
        throws StateFileException {
        final long nextOrderId = StateFile.whole(root, "next_order_id", name);
        final JsonNode orders = root.get("orders");
        StateFile.check(orders != null && orders.isArray(), name, "orders is missing or not a list");
        long maxId = 0;
        for (JsonNode n : orders) {
            final String at = name + " orders[" + maxId + "]";
            StateFile.check(n.isObject(), at, "is not an object");
            final int id = symbol(n, instruments, at);
            final Order o = book.allocate(id, StateFile.whole(n, "placed_ns", at));
            StateFile.check(o != null, at, "more open orders for one symbol than orders.max_orders_per_symbol");
            o.id = StateFile.whole(n, "id", at);
            o.side = Side.parse(text(n, "side", at));
            o.type = OrderType.parse(text(n, "type", at));
            o.timeInForce = TimeInForce.parse(text(n, "time_in_force", at));
            o.state = OrderState.parse(text(n, "state", at));
            final String purpose = text(n, "purpose", at);
            o.exitReason = "entry".equals(purpose) ? ExitReason.NONE : ExitReason.parse(purpose);
            o.quantityE8 = StateFile.decimal(n, "quantity", at);
            o.filledE8 = StateFile.decimal(n, "filled", at);
            o.limitPriceE8 = StateFile.decimal(n, "limit_price", at);
            o.stopPriceE8 = StateFile.decimal(n, "stop_price", at);
            o.trailDistanceE8 = StateFile.decimal(n, "trail_distance", at);
            o.highWaterE8 = StateFile.decimal(n, "high_water", at);
            o.activeFromNs = StateFile.whole(n, "active_from_ns", at);
            o.expiresNs = StateFile.whole(n, "expires_ns", at);
            o.marketable = bool(n, "marketable", at);
            o.strategyId = (int) StateFile.whole(n, "strategy_id", at);
            o.regime = (byte) StateFile.whole(n, "regime", at);
            final JsonNode confidence = n.get("confidence");
            StateFile.check(confidence != null && confidence.isNumber(), at, "confidence is missing");
            o.confidence = confidence.asDouble();
            o.reasonCode = (int) StateFile.whole(n, "reason_code", at);
            o.fresh = false;
            StateFile.check((o.side == Side.BUY || o.side == Side.SELL) && o.type != 0 && o.open()
                && o.exitReason >= 0 && o.quantityE8 > 0 && o.filledE8 >= 0 && o.filledE8 < o.quantityE8
                && o.id > 0 && o.id < nextOrderId, at, "is not a valid open order");
            maxId = Math.max(maxId, o.id);
        }
        book.nextOrderId(nextOrderId); // after allocate(), which advances it
        final JsonNode plan = root.get("positions_plan");
        StateFile.check(plan != null && plan.isObject(), name, "positions_plan is missing or not an object");
        for (Map.Entry<String, JsonNode> e : plan.properties()) {
            final int id = instruments.idOfSymbol(e.getKey());
            StateFile.check(id != Instruments.UNKNOWN, name, "positions_plan names unknown symbol " + e.getKey());
            book.entryNs(id, StateFile.whole(e.getValue(), "entered_ns", name + " positions_plan." + e.getKey()));
            book.cooldownUntilNs(id, StateFile.whole(e.getValue(), "cooldown_until_ns",
                name + " positions_plan." + e.getKey()));
        }
    }

    private static int symbol(JsonNode n, Instruments instruments, String at) throws StateFileException {
        final int id = instruments.idOfSymbol(text(n, "symbol", at));
        StateFile.check(id != Instruments.UNKNOWN, at, "names an unknown symbol");
        return id;
    }

    private static String text(JsonNode n, String field, String at) throws StateFileException {
        final JsonNode v = n.get(field);
        StateFile.check(v != null && v.isTextual(), at, field + " is missing or not text");
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field, String at) throws StateFileException {
        final JsonNode v = n.get(field);
        StateFile.check(v != null && v.isBoolean(), at, field + " is missing or not true/false");
        return v.asBoolean();
    }
}
