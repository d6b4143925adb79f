package io.ringtrader.backtest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ringtrader.event.Candle;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The backtest's {@code report.html}: one self-contained file (Apache ECharts inlined from its WebJar, no network)
 * with the equity curves and drawdowns of the portfolio, of each strategy alone and of buy-and-hold, the portfolio's
 * fills on each symbol's price chart, and the metrics table. The figures come from {@code report.json} itself,
 * embedded byte for byte, so the page cannot disagree with it. A pure function of its inputs (no wall clock):
 * the same run gives the same bytes. Stateless.
 */
final class BacktestReportHtml {
    static final String FILE = "report.html";
    /** Most points per curve and bars per price chart; longer runs are thinned (curves) or merged (bars). */
    static final int MAX_POINTS = 4000;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final JsonFactory JSON = new JsonFactory();

    private BacktestReportHtml() {
    }

    /** One run's equity after each minute, under its name. */
    record Curve(String name, BacktestResult result) {
    }

    /**
     * The page for {@code reportJson} (the bytes written to report.json), the portfolio run {@code portfolio}
     * (its fills go on the price charts), each strategy's run, and the candles that were replayed.
     */
    static byte[] render(byte[] reportJson, BacktestResult portfolio, List<Curve> strategies, Candle[] candles,
                         Instruments instruments, long takerFeeE8) throws IOException {
        return ReportPage.render("RingTrader backtest report", "report-body.html", "report.js",
            data(reportJson, portfolio, strategies, candles, instruments, takerFeeE8));
    }

    private static String data(byte[] reportJson, BacktestResult portfolio, List<Curve> strategies,
                               Candle[] candles, Instruments instruments, long takerFeeE8) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName("report");
            g.writeRawValue(new String(reportJson, StandardCharsets.UTF_8).trim());
            g.writeArrayFieldStart("curves");
            curve(g, "portfolio", "portfolio", times(portfolio), equity(portfolio), portfolio.startingCashE8());
            for (Curve c : strategies) {
                curve(g, c.name(), "strategy", times(c.result()), equity(c.result()), c.result().startingCashE8());
            }
            final double[][] hold = buyAndHold(candles, instruments.size(), portfolio.startingCashE8(), takerFeeE8);
            curve(g, BacktestStats.BUY_AND_HOLD, "benchmark", hold[0], hold[1], portfolio.startingCashE8());
            g.writeEndArray();
            g.writeObjectFieldStart("prices");
            for (int id = 0; id < instruments.size(); id++) {
                bars(g, instruments.get(id).symbol(), id, candles);
            }
            g.writeEndObject();
            g.writeArrayFieldStart("fills");
            for (Fill f : portfolio.fills()) {
                g.writeStartObject();
                g.writeNumberField("time_ms", Math.floorDiv(f.timestampNs, 1_000_000L));
                g.writeStringField("symbol", instruments.get(f.instrumentId).symbol());
                g.writeStringField("side", Side.name(f.side));
                g.writeStringField("price", FixedPoint.format(f.priceE8));
                g.writeStringField("quantity", FixedPoint.format(f.quantityE8));
                g.writeStringField("exit_reason", ExitReason.name(f.exitReason));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {name, kind, points: [[time_ms, equity, drawdown], ...]}, thinned to {@link #MAX_POINTS} (last kept). */
    private static void curve(JsonGenerator g, String name, String kind, double[] timeMs, double[] equity,
                              long startingCashE8) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("kind", kind);
        g.writeArrayFieldStart("points");
        final int n = equity.length;
        final int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        double peak = FixedPoint.toDouble(startingCashE8);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, equity[i]);
            final double dd = peak <= 0 ? 0 : (peak - equity[i]) / peak;
            worst = Math.max(worst, dd);
            if (i % stride == 0 || i == n - 1) {
                g.writeStartArray();
                g.writeNumber((long) timeMs[i]);
                g.writeNumber(round2(equity[i]));
                // a thinned point carries the worst drawdown since the previous one, so no trough is lost
                g.writeNumber(Math.round(worst * 1e8) / 1e8);
                g.writeEndArray();
                worst = 0;
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {SYM: {bar_minutes, bars: [[open_ms, open, close, low, high], ...]}}: minutes merged to fit the page. */
    private static void bars(JsonGenerator g, String symbol, int id, Candle[] candles) throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Candle c : candles) {
            if (c.instrumentId == id) {
                first = Math.min(first, c.openTimeNs);
                last = Math.max(last, c.openTimeNs);
            }
        }
        final long minutes = first == Long.MAX_VALUE ? 0 : (last - first) / MINUTE_NS + 1;
        final long barMinutes = barMinutes(minutes);
        final long barNs = barMinutes * MINUTE_NS;
        g.writeObjectFieldStart(symbol);
        g.writeNumberField("bar_minutes", barMinutes);
        g.writeArrayFieldStart("bars");
        long barStart = Long.MIN_VALUE;
        double open = 0;
        double close = 0;
        double low = 0;
        double high = 0;
        for (Candle c : candles) {
            if (c.instrumentId != id || c.closeE8 <= 0) {
                continue;
            }
            final long start = Math.floorDiv(c.openTimeNs, barNs) * barNs;
            if (start != barStart) {
                if (barStart != Long.MIN_VALUE) {
                    bar(g, barStart, open, close, low, high);
                }
                barStart = start;
                open = FixedPoint.toDouble(c.openE8);
                low = FixedPoint.toDouble(c.lowE8);
                high = FixedPoint.toDouble(c.highE8);
            }
            close = FixedPoint.toDouble(c.closeE8);
            low = Math.min(low, FixedPoint.toDouble(c.lowE8));
            high = Math.max(high, FixedPoint.toDouble(c.highE8));
        }
        if (barStart != Long.MIN_VALUE) {
            bar(g, barStart, open, close, low, high);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void bar(JsonGenerator g, long startNs, double open, double close, double low, double high)
        throws IOException {
        g.writeStartArray();
        g.writeNumber(Math.floorDiv(startNs, 1_000_000L));
        g.writeNumber(open);
        g.writeNumber(close);
        g.writeNumber(low);
        g.writeNumber(high);
        g.writeEndArray();
    }

    /** The smallest of 1, 5, 15, 60, 240, 1440 minutes that keeps a chart under {@link #MAX_POINTS} bars. */
    static long barMinutes(long minutes) {
        for (long m : new long[] {1, 5, 15, 60, 240}) {
            if (minutes / m <= MAX_POINTS) {
                return m;
            }
        }
        return 1440;
    }

    private static double[] times(BacktestResult r) {
        final double[] t = new double[r.minutes()];
        for (int m = 0; m < t.length; m++) {
            t[m] = Math.floorDiv(r.timeNs(m), 1_000_000L);
        }
        return t;
    }

    private static double[] equity(BacktestResult r) {
        final double[] e = new double[r.minutes()];
        for (int m = 0; m < e.length; m++) {
            e[m] = FixedPoint.toDouble(r.equityE8(m));
        }
        return e;
    }

    /** The buy-and-hold curve ({@link BuyAndHold}), as {times, equity}. */
    static double[][] buyAndHold(Candle[] candles, int instrumentCount, long startingCashE8, long takerFeeE8) {
        final BuyAndHold hold = BuyAndHold.of(candles, instrumentCount, startingCashE8, takerFeeE8);
        return new double[][] {hold.endTimeMs(), hold.equity()};
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
