package io.ringtrader.dashboard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.portfolio.PortfolioView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Renders the dashboard's JSON API from {@link DashboardSources}. Money and quantities are exact decimal strings
 * (as in the state file); chart series are numbers. Every method runs on the dashboard's HTTP thread, which owns
 * the reader-side copies, and reads only views and files, never a stage's state.
 */
public final class DashboardApi {
    /** How far back {@code /api/candles} and {@code /api/equity} reach by default: the last 6 hours of candles. */
    static final long DEFAULT_WINDOW_NS = 6 * 3_600_000_000_000L;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DashboardSources src;
    private final TradeLogRows tradeLog;
    private final PortfolioView.Copy portfolio;
    private final SignalView.Copy signal = new SignalView.Copy();
    private volatile boolean sessionEnded;

    /** An API over {@code sources}. */
    public DashboardApi(DashboardSources sources) {
        this.src = sources;
        this.tradeLog = new TradeLogRows(sources.tradeLog());
        this.portfolio = sources.portfolio() == null ? null : sources.portfolio().newCopy();
    }

    /** The session ended (the server lingers on its last state). */
    public void sessionEnded() {
        sessionEnded = true;
    }

    /** {@code /api/status}: account, drawdown latch, feed health and latency percentiles. */
    public synchronized byte[] status() {
        return render(g -> writeStatus(g));
    }

    /** {@code /api/positions}: every held position with its open orders, stop and take-profit. */
    public synchronized byte[] positions() {
        return render(g -> writePositions(g));
    }

    /** {@code /api/signals}: the latest signal per symbol. */
    public synchronized byte[] signals() {
        return render(g -> writeSignals(g));
    }

    /** What the page receives every second over server-sent events: status, positions and signals together. */
    public synchronized byte[] snapshot() {
        return render(g -> {
            g.writeStartObject();
            g.writeFieldName("status");
            writeStatus(g);
            g.writeFieldName("positions");
            writePositions(g);
            g.writeFieldName("signals");
            writeSignals(g);
            g.writeEndObject();
        });
    }

    /** {@code /api/orders}: open orders and armed exits as the state file holds them, with its time. */
    public byte[] orders() {
        return render(g -> {
            g.writeStartObject();
            JsonNode state = null;
            try {
                if (Files.isRegularFile(src.stateFile())) {
                    state = MAPPER.readTree(src.stateFile().toFile());
                }
            } catch (IOException e) {
                state = null;
            }
            g.writeStringField("source", src.stateFile().getFileName().toString());
            g.writeStringField("as_of", state == null || state.get("last_update") == null ? ""
                : state.get("last_update").asText());
            g.writeFieldName("orders");
            final JsonNode orders = state == null ? null : state.get("orders");
            if (orders != null && orders.isArray()) {
                MAPPER.writeTree(g, orders);
            } else {
                g.writeStartArray();
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    /** {@code /api/trades}: trade-log rows at or after {@code sinceNs} (of {@code symbol}, or all when null). */
    public byte[] trades(long sinceNs, String symbol) {
        final List<String> header = tradeLog.header();
        final List<TradeLogRows.Row> rows = tradeLog.rows();
        return render(g -> {
            g.writeStartObject();
            g.writeNumberField("count", rows.size());
            g.writeArrayFieldStart("trades");
            for (TradeLogRows.Row r : rows) {
                if (r.timestampNs() < sinceNs || symbol != null && !symbol.equals(r.symbol())) {
                    continue;
                }
                g.writeStartObject();
                g.writeNumberField("time_ms", Math.floorDiv(r.timestampNs(), 1_000_000L));
                for (int i = 0; i < header.size() && i < r.columns().length; i++) {
                    g.writeStringField(header.get(i), r.columns()[i]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code /api/candles}: the closed candles of {@code instrumentId} starting in [from, to), as arrays. */
    public byte[] candles(int instrumentId, long fromNs, long toNs) {
        final List<Candle> list = src.candles().range(instrumentId, fromNs, toNs);
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("symbol", src.instruments().get(instrumentId).symbol());
            g.writeStringField("columns", "open_time_ms,open,high,low,close,volume,complete");
            g.writeArrayFieldStart("candles");
            for (Candle c : list) {
                g.writeStartArray();
                g.writeNumber(Math.floorDiv(c.openTimeNs, 1_000_000L));
                g.writeNumber(FixedPoint.toDouble(c.openE8));
                g.writeNumber(FixedPoint.toDouble(c.highE8));
                g.writeNumber(FixedPoint.toDouble(c.lowE8));
                g.writeNumber(FixedPoint.toDouble(c.closeE8));
                g.writeNumber(FixedPoint.toDouble(c.volumeE8));
                g.writeBoolean(c.complete);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * {@code /api/equity}: equity and drawdown at each minute close in [from, to); when the window reaches the
     * newest candle, a last point at the portfolio's last update with its total value, so the curve ends where
     * the account is now (the minute in progress has no close yet).
     */
    public synchronized byte[] equity(long fromNs, long toNs) {
        final List<EquityCurve.Point> minutes = EquityCurve.compute(tradeLog, src.candles(), src.instruments(),
            src.startingCashE8(), fromNs, toNs);
        final long newest = newestCandleNs();
        final boolean now = portfolio != null && newest != Long.MIN_VALUE && toNs >= newest + 60_000_000_000L
            && src.portfolio().read(portfolio) && portfolio.lastUpdateNs >= fromNs;
        final List<EquityCurve.Point> points = now ? EquityCurve.endingAt(minutes,
            Math.floorDiv(portfolio.lastUpdateNs, 1_000_000L), FixedPoint.toDouble(portfolio.equityE8),
            FixedPoint.toDouble(src.startingCashE8())) : minutes;
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("columns", "time_ms,equity,drawdown");
            g.writeArrayFieldStart("points");
            for (EquityCurve.Point p : points) {
                g.writeStartArray();
                g.writeNumber(p.timeMs());
                g.writeNumber(p.equity());
                g.writeNumber(p.drawdown());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code /api/strategies}: the strategies voting now, why, and every re-selection so far. */
    public byte[] strategies() {
        final StrategiesView view = src.strategies();
        return render(g -> {
            g.writeStartObject();
            if (view == null) {
                g.writeArrayFieldStart("active");
                g.writeEndArray();
                g.writeStringField("reason", "no strategies run in " + src.mode());
                g.writeEndObject();
                return;
            }
            final StrategiesView.Selection current = view.current();
            writeStrings(g, "active", current.active());
            g.writeStringField("reason", current.reason());
            writeStrings(g, "candidates", view.candidates());
            g.writeArrayFieldStart("selections");
            for (StrategiesView.Selection s : view.selections()) {
                g.writeStartObject();
                g.writeStringField("at", s.at().isEmpty() ? "session start" : s.at());
                writeStrings(g, "active", s.active());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Instrument id of {@code symbol}, or -1. */
    int instrumentId(String symbol) {
        return src.instruments().idOfSymbol(symbol);
    }

    /** Open time of the newest candle over all symbols (the end of the default chart window), or MIN_VALUE. */
    long newestCandleNs() {
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < src.instruments().size(); i++) {
            newest = Math.max(newest, src.candles().newestOpenNs(i));
        }
        return newest;
    }

    private void writeStatus(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("mode", src.mode());
        g.writeStringField("session", sessionEnded ? "ended" : "running");
        writeStrings(g, "symbols", src.instruments().all().stream().map(i -> i.symbol()).toList());
        g.writeStringField("quote_currency", src.quoteCurrency());
        final boolean has = portfolio != null && src.portfolio().read(portfolio);
        g.writeBooleanField("portfolio", has);
        if (has) {
            final PortfolioView.Copy p = portfolio;
            g.writeStringField("last_update", Rfc3339.formatMicros(p.lastUpdateNs));
            g.writeStringField("starting_cash", FixedPoint.format(src.startingCashE8()));
            g.writeStringField("cash", FixedPoint.format(p.cashE8));
            g.writeStringField("total_value", FixedPoint.format(p.equityE8));
            g.writeStringField("pnl", FixedPoint.format(p.equityE8 - src.startingCashE8()));
            g.writeStringField("realized_pnl", FixedPoint.format(p.realizedPnlE8));
            g.writeStringField("peak_value", FixedPoint.format(p.peakEquityE8));
            g.writeStringField("drawdown", FixedPoint.format(p.drawdownE8));
            g.writeBooleanField("entries_halted", p.entriesHalted);
            g.writeBooleanField("standing_aside", p.standingAside);
            g.writeNumberField("trade_count", p.tradeCount);
        }
        g.writeObjectFieldStart("feed");
        g.writeStringField("state", String.valueOf(src.feedState().get()));
        g.writeNumberField("trades", src.counters().total("ringtrader_trades_total"));
        g.writeNumberField("reconnects", src.counters().total("ringtrader_feed_reconnects_total"));
        g.writeNumberField("gaps", src.counters().total("ringtrader_feed_gaps_total"));
        g.writeNumberField("rejects", src.counters().total("ringtrader_feed_rejects_total"));
        g.writeNumberField("drops", src.counters().total("ringtrader_ring_drops_total"));
        g.writeNumberField("candles", src.counters().total("ringtrader_candles_total"));
        g.writeNumberField("incomplete_candles", src.counters().total("ringtrader_candles_incomplete_total"));
        g.writeEndObject();
        final LatencyTracker latency = src.latency();
        g.writeArrayFieldStart("latency");
        for (int i = 0; i < latency.size(); i++) {
            g.writeStartObject();
            g.writeStringField("stage", latency.name(i));
            g.writeNumberField("count", latency.count(i));
            g.writeNumberField("p50_us", latency.percentile(i, 50) / 1000.0);
            g.writeNumberField("p99_us", latency.percentile(i, 99) / 1000.0);
            g.writeNumberField("p999_us", latency.percentile(i, 99.9) / 1000.0);
            g.writeNumberField("max_us", latency.max(i) / 1000.0);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writePositions(JsonGenerator g) throws IOException {
        g.writeStartArray();
        if (portfolio != null && src.portfolio().read(portfolio)) {
            final PortfolioView.Copy p = portfolio;
            for (int i = 0; i < p.quantityE8.length; i++) {
                final long qty = p.quantityE8[i];
                if (qty == 0 && p.openOrders[i] == 0) {
                    continue;
                }
                final long value = FixedPoint.multiply(qty, p.lastPriceE8[i]);
                g.writeStartObject();
                g.writeStringField("symbol", src.instruments().get(i).symbol());
                g.writeStringField("quantity", FixedPoint.format(qty));
                g.writeStringField("last_price", FixedPoint.format(p.lastPriceE8[i]));
                g.writeStringField("value", FixedPoint.format(value));
                g.writeStringField("cost_basis", FixedPoint.format(p.costBasisE8[i]));
                g.writeStringField("average_cost", FixedPoint.format(qty <= 0 ? 0
                    : FixedPoint.divide(p.costBasisE8[i], qty)));
                g.writeStringField("unrealized_pnl", FixedPoint.format(value - p.costBasisE8[i]));
                g.writeNumberField("open_orders", p.openOrders[i]);
                g.writeStringField("stop", p.stopE8[i] == 0 ? "" : FixedPoint.format(p.stopE8[i]));
                g.writeStringField("take_profit", p.takeProfitE8[i] == 0 ? ""
                    : FixedPoint.format(p.takeProfitE8[i]));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private void writeSignals(JsonGenerator g) throws IOException {
        g.writeStartArray();
        final SignalView view = src.signals();
        if (view != null) {
            final Instruments instruments = src.instruments();
            for (int i = 0; i < view.instruments(); i++) {
                if (!view.read(i, signal)) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("symbol", instruments.get(i).symbol());
                g.writeStringField("time", Rfc3339.formatMicros(signal.timestampNs));
                g.writeStringField("action", Action.name(signal.action));
                g.writeNumberField("confidence", signal.confidence);
                g.writeStringField("regime", Regime.name(signal.regime));
                g.writeStringField("strategy", strategyName(signal.leadStrategyId));
                g.writeBooleanField("filtered", signal.filtered);
                g.writeStringField("price", FixedPoint.format(signal.referencePriceE8));
                g.writeNumberField("count", signal.count);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private String strategyName(int id) {
        final StrategiesView view = src.strategies();
        return view == null || id < 0 || id >= view.candidates().size() ? "none" : view.candidates().get(id);
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Writes one JSON document. */
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] render(Body body) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
