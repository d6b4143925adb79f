package io.ringtrader.portfolio;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The portfolio state file ({@code data/portfolio_state.json}): money and quantities as exact decimal strings (E8,
 * no binary floats), written atomically (temp file, fsync, rename, fsync directory) and checked on load: a file
 * that is truncated, malformed or inconsistent with itself raises a {@link StateFileException} instead of being
 * trusted. Stateless; called from the writer thread (save) and at start-up (load).
 */
public final class StateFile {
    /** Format version written in the file. */
    public static final int VERSION = 2;
    /** The first format (no orders); still read, as an account without open orders. */
    private static final int VERSION_WITHOUT_ORDERS = 1;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StateFile() {
    }

    /** The file's bytes for {@code s}: deterministic for a given snapshot. */
    public static byte[] render(PortfolioSnapshot s, Instruments instruments) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        long positionsValue = 0;
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("cash", FixedPoint.format(s.cashE8));
            g.writeObjectFieldStart("positions");
            for (int i = 0; i < s.instrumentCount(); i++) {
                final long qty = s.quantityE8[i];
                final long last = s.lastPriceE8[i];
                if (qty == 0 && last == 0 && s.costBasisE8[i] == 0) {
                    continue;
                }
                final long value = FixedPoint.multiply(qty, last);
                positionsValue += value;
                g.writeObjectFieldStart(instruments.get(i).symbol());
                g.writeStringField("quantity", FixedPoint.format(qty));
                g.writeStringField("average_cost", FixedPoint.format(averageCost(s.costBasisE8[i], qty)));
                g.writeStringField("cost_basis", FixedPoint.format(s.costBasisE8[i]));
                g.writeStringField("last_price", FixedPoint.format(last));
                g.writeStringField("unrealized_pnl", FixedPoint.format(value - s.costBasisE8[i]));
                g.writeEndObject();
            }
            g.writeEndObject();
            final long total = s.cashE8 + positionsValue;
            g.writeStringField("realized_pnl", FixedPoint.format(s.realizedPnlE8));
            g.writeStringField("fees_paid", FixedPoint.format(s.feesPaidE8));
            g.writeStringField("total_value", FixedPoint.format(total));
            g.writeStringField("peak_value", FixedPoint.format(s.peakEquityE8));
            g.writeStringField("drawdown", FixedPoint.format(drawdown(s.peakEquityE8, total)));
            g.writeBooleanField("entries_halted", s.entriesHalted);
            g.writeNumberField("trade_count", s.tradeCount);
            g.writeStringField("last_update", Rfc3339.formatMicros(s.lastUpdateNs));
            g.writeNumberField("journal_index", s.journalIndex);
            g.writeNumberField("halted_since_ns", s.haltedSinceNs);
            StateFileOrders.render(g, s.orders, instruments);
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return out.toByteArray();
    }

    /** Writes {@code s} to {@code path} atomically: temp file, fsync, rename over, fsync the directory. */
    public static void save(PortfolioSnapshot s, Instruments instruments, Path path) throws IOException {
        io.ringtrader.files.AtomicFile.write(path, render(s, instruments));
    }

    /**
     * Loads the account saved at {@code path}; empty when there is no file (first start).
     *
     * @throws StateFileException when the file exists but cannot be trusted
     */
    public static Optional<PortfolioSnapshot> load(Path path, Instruments instruments, int orderSlots)
        throws IOException {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes, instruments, orderSlots, path.toString()));
    }

    /** Parses and checks state-file bytes into a snapshot; {@code name} names the source in messages. */
    public static PortfolioSnapshot parse(byte[] bytes, Instruments instruments, int orderSlots, String name)
        throws StateFileException {
        final JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new StateFileException(name + ": not valid JSON (truncated or corrupt?): " + e.getMessage(),
                e);
        }
        if (root == null || !root.isObject()) {
            throw new StateFileException(name + ": empty or not a JSON object (truncated or corrupt?)");
        }
        final int version = (int) whole(root, "version", name);
        if (version != VERSION && version != VERSION_WITHOUT_ORDERS) {
            throw new StateFileException(name + ": unsupported version " + version + " (expected " + VERSION + ")");
        }
        final PortfolioSnapshot s = new PortfolioSnapshot(instruments.size(), orderSlots);
        if (version == VERSION) {
            s.haltedSinceNs = whole(root, "halted_since_ns", name);
            StateFileOrders.parse(root, s.orders, instruments, name);
        }
        s.cashE8 = decimal(root, "cash", name);
        s.realizedPnlE8 = decimal(root, "realized_pnl", name);
        s.feesPaidE8 = decimal(root, "fees_paid", name);
        s.peakEquityE8 = decimal(root, "peak_value", name);
        s.tradeCount = whole(root, "trade_count", name);
        final JsonNode halted = root.get("entries_halted");
        check(halted != null && halted.isBoolean(), name, "entries_halted is missing or not true/false");
        s.entriesHalted = halted.asBoolean();
        s.journalIndex = whole(root, "journal_index", name);
        final JsonNode lastUpdate = root.get("last_update");
        s.lastUpdateNs = lastUpdate == null || !lastUpdate.isTextual() ? Rfc3339.INVALID
            : Rfc3339.parse(lastUpdate.asText());
        check(s.lastUpdateNs != Rfc3339.INVALID, name, "last_update is missing or not an RFC 3339 time");
        check(s.cashE8 >= 0, name, "cash is negative");
        check(s.feesPaidE8 >= 0 && s.tradeCount >= 0 && s.journalIndex >= -1, name,
            "fees_paid, trade_count or journal_index out of range");
        final JsonNode positions = root.get("positions");
        check(positions != null && positions.isObject(), name, "positions is missing or not an object");
        long positionsValue = 0;
        for (Map.Entry<String, JsonNode> e : positions.properties()) {
            final int id = instruments.idOfSymbol(e.getKey());
            check(id != Instruments.UNKNOWN, name, "position in unknown symbol " + e.getKey()
                + " (the state was written for other symbols)");
            final JsonNode p = e.getValue();
            final String at = name + " positions." + instruments.get(id).symbol();
            check(p.isObject(), at, "is not an object");
            final long qty = decimal(p, "quantity", at);
            final long basis = decimal(p, "cost_basis", at);
            final long last = decimal(p, "last_price", at);
            check(qty >= 0 && basis >= 0 && last >= 0, at, "has a negative quantity, cost basis or price");
            check(qty == 0 || last > 0, at, "holds a quantity without a last price");
            check(decimal(p, "average_cost", at) == averageCost(basis, qty), at, "average_cost disagrees");
            final long value = FixedPoint.multiply(qty, last);
            check(decimal(p, "unrealized_pnl", at) == value - basis, at, "unrealized_pnl disagrees");
            s.quantityE8[id] = qty;
            s.costBasisE8[id] = basis;
            s.lastPriceE8[id] = last;
            positionsValue += value;
        }
        final long total = s.cashE8 + positionsValue;
        check(decimal(root, "total_value", name) == total, name, "total_value disagrees with cash + positions");
        check(s.peakEquityE8 >= total, name, "peak_value is below total_value");
        check(decimal(root, "drawdown", name) == drawdown(s.peakEquityE8, total), name, "drawdown disagrees");
        return s;
    }

    private static long averageCost(long basisE8, long quantityE8) {
        return quantityE8 <= 0 ? 0 : FixedPoint.divide(basisE8, quantityE8);
    }

    private static long drawdown(long peakE8, long totalE8) {
        return peakE8 <= 0 || totalE8 >= peakE8 ? 0 : FixedPoint.divide(peakE8 - totalE8, peakE8);
    }

    static long decimal(JsonNode node, String field, String name) throws StateFileException {
        final JsonNode v = node.get(field);
        final long value = v == null || !v.isTextual() ? FixedPoint.INVALID : FixedPoint.parse(v.asText());
        check(value != FixedPoint.INVALID, name, field + " is missing or not a decimal string");
        return value;
    }

    static long whole(JsonNode node, String field, String name) throws StateFileException {
        final JsonNode v = node.get(field);
        check(v != null && v.isIntegralNumber() && v.canConvertToLong(), name, field
            + " is missing or not a whole number");
        return v.asLong();
    }

    static void check(boolean ok, String name, String problem) throws StateFileException {
        if (!ok) {
            throw new StateFileException(name + ": " + problem + "; refusing to trust it (fix or move the file "
                + "away to start from the configured cash, then replay the journal)");
        }
    }
}
