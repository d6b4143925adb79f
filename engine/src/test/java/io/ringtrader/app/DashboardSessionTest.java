package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.pipeline.StageChain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.dashboard.Chromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code live-trading --feed sim --http-port N} in a child JVM: the JSON API and the page in a real headless
 * Chromium agree with the state file and the trade log, and the page follows the session live.
 */
@Tag("slow")
class DashboardSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path config() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\n");
        return config;
    }

    private Process engine(int port, String... args) throws IOException {
        final List<String> all = new ArrayList<>(List.of("live-trading", "-c", config().toString(), "--feed", "sim",
            "--symbols", "BTC,ETH", "--http-port", Integer.toString(port), "--data-dir", dir.resolve("data").toString(),
            "--logs-dir", dir.resolve("logs").toString()));
        all.addAll(List.of(args));
        return EngineProcess.start(dir.resolve("out"), all);
    }

    private JsonNode api(int port, String path) throws IOException, InterruptedException {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Polls {@code /api/status} until {@code session} is {@code value} (or the engine died). */
    private JsonNode awaitSession(int port, Process engine, String value) throws InterruptedException {
        for (int i = 0; i < 2400; i++) {
            assertThat(engine.isAlive()).as("the engine exited early").isTrue();
            try {
                final JsonNode status = api(port, "/api/status");
                if (value.equals(status.get("session").asText())) {
                    return status;
                }
            } catch (IOException notYetListening) {
                // the server starts after the configuration and the journal are read
            }
            LockSupport.parkNanos(50_000_000L);
        }
        throw new AssertionError("the session never became " + value);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    @Test
    @Timeout(300)
    void shouldShowTheStateFileAndTheTradeLogInTheApiAndInARealBrowser() throws Exception {
        final int port = freePort();
        final Process engine = engine(port, "--speed", "0", "--sim-hours", "6", "--seed", "7", "--http-linger", "5m");
        try {
            final JsonNode status = awaitSession(port, engine, "ended");
            assertServesTheFiles(port, status, dir.resolve("data"));
            assertThat(status.get("feed").get("trades").asLong()).isPositive();
            final Chromium chromium = Chromium.require(dir);
            final String base = "http://127.0.0.1:" + port + "/?live=off";
            assertPageShowsTheFiles(chromium.dumpDom(base, 10_000), dir.resolve("data"));
            chromium.screenshot(base, Path.of("target", "dashboard.png"), 2300, 10_000);
        } finally {
            engine.destroy(); // SIGTERM: ends the linger, the engine exits 0
            assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(engine.exitValue()).isZero();
    }

    @Test
    @Timeout(300)
    void shouldServeAReplayedJournalWithTheFiguresOfTheReplaysStateFileAndTradeLog() throws Exception {
        final Process live = engine(freePort(), "--speed", "0", "--sim-hours", "6", "--seed", "7");
        assertThat(live.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(live.exitValue()).isZero();
        final int port = freePort();
        final Path out = dir.resolve("replay");
        final Process replay = EngineProcess.start(dir.resolve("out"), List.of("replay", "-c", config().toString(),
            "--journal", dir.resolve("data/journal").toString(), "--out", out.toString(), "--http-port",
            Integer.toString(port), "--http-linger", "5m", "--logs-dir", dir.resolve("replay-logs").toString()));
        try {
            final JsonNode status = awaitSession(port, replay, "ended");
            assertThat(status.get("mode").asText()).isEqualTo("replay");
            assertThat(Files.readAllLines(out.resolve("live_trades.csv")))
                .as("the replay trades as the live session did")
                .isEqualTo(Files.readAllLines(dir.resolve("data/live_trades.csv")));
            assertServesTheFiles(port, status, out);
            final Chromium chromium = Chromium.require(dir);
            assertPageShowsTheFiles(chromium.dumpDom("http://127.0.0.1:" + port + "/?live=off", 10_000), out);
        } finally {
            replay.destroy();
            assertThat(replay.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(replay.exitValue()).isZero();
    }

    /**
     * The API serves exactly the session's files in {@code data}: the state file's account, positions, open
     * orders and armed exits, the trade log's rows, and an equity curve that ends at the state's total value.
     */
    private void assertServesTheFiles(int port, JsonNode status, Path data) throws Exception {
        final JsonNode state = JSON.readTree(data.resolve("portfolio_state.json").toFile());
        final List<String[]> log = tradeLog(data.resolve("live_trades.csv"));
        assertThat(log).as("the simulated session must have filled").hasSizeGreaterThan(2);
        assertThat(dec(status.get("cash"))).isEqualByComparingTo(dec(state.get("cash")));
        assertThat(dec(status.get("total_value"))).isEqualByComparingTo(dec(state.get("total_value")));
        assertThat(dec(status.get("realized_pnl"))).isEqualByComparingTo(dec(state.get("realized_pnl")));
        assertThat(dec(status.get("drawdown"))).isEqualByComparingTo(dec(state.get("drawdown")));
        assertThat(dec(status.get("peak_value"))).isEqualByComparingTo(dec(state.get("peak_value")));
        assertThat(status.get("trade_count").asLong()).isEqualTo(state.get("trade_count").asLong())
            .isEqualTo(log.size());
        assertThat(status.get("entries_halted").asBoolean()).isEqualTo(state.get("entries_halted").asBoolean());
        assertThat(status.get("last_update").asText()).isEqualTo(state.get("last_update").asText());
        assertThat(status.get("latency").size()).isEqualTo(StageChain.LATENCY_NAMES.length);
        assertThat(heldPositions(api(port, "/api/positions"))).isEqualTo(heldPositions(state.get("positions")));
        final JsonNode trades = api(port, "/api/trades");
        assertThat(trades.get("trades").size()).isEqualTo(log.size());
        for (int i = 0; i < log.size(); i++) {
            final JsonNode t = trades.get("trades").get(i);
            assertThat(t.get("timestamp").asText() + t.get("price").asText() + t.get("exit_reason").asText())
                .isEqualTo(log.get(i)[0] + log.get(i)[3] + log.get(i)[17]);
        }
        final long lastFill = trades.get("trades").get(log.size() - 1).get("time_ms").asLong();
        assertThat(api(port, "/api/trades?since=" + lastFill).get("trades").size()).isGreaterThanOrEqualTo(1)
            .isLessThan(log.size());
        final JsonNode orders = api(port, "/api/orders");
        assertThat(state.get("orders").size()).as("the session ends holding armed exits").isPositive();
        assertThat(orders.get("orders")).isEqualTo(state.get("orders"));
        assertThat(orders.get("as_of").asText()).isEqualTo(state.get("last_update").asText());
        assertThat(api(port, "/api/candles?symbol=BTC&hours=2").get("candles").size()).isBetween(100, 120);
        assertThat(api(port, "/api/signals").size()).isEqualTo(2);
        assertThat(api(port, "/api/strategies").get("active").size()).isEqualTo(3);
        final JsonNode points = api(port, "/api/equity").get("points");
        assertThat(points.size()).isGreaterThan(300);
        final JsonNode end = points.get(points.size() - 1);
        assertThat(end.get(0).asLong() * 1_000_000L).as("the curve ends at the state's last update")
            .isEqualTo(io.ringtrader.event.Rfc3339.parse(state.get("last_update").asText()));
        assertThat(new BigDecimal(end.get(1).asText())).as("the curve ends at the state's total value")
            .isCloseTo(dec(state.get("total_value")), org.assertj.core.data.Offset.offset(new BigDecimal("1e-6")));
    }

    /**
     * The page in a real browser shows the files in {@code data}: cash, total value, positions, the fill markers in
     * each chart's view (the trade log's rows), the order and stop lines (the state's open orders and armed exits)
     * and an equity curve ending at the state's total value.
     */
    private static void assertPageShowsTheFiles(String dom, Path data) throws IOException {
        final JsonNode state = JSON.readTree(data.resolve("portfolio_state.json").toFile());
        final List<String[]> log = tradeLog(data.resolve("live_trades.csv"));
        assertThat(dom).as("the charts drew").containsPattern("<body[^>]*data-ready=\"true\"");
        assertThat(new BigDecimal(Chromium.attribute(dom, "cash", "data-value")))
            .isEqualByComparingTo(dec(state.get("cash")));
        assertThat(new BigDecimal(Chromium.attribute(dom, "total-value", "data-value")))
            .isEqualByComparingTo(dec(state.get("total_value")));
        assertThat(Chromium.attribute(dom, "trade-count", "data-value")).isEqualTo(state.get("trade_count")
            .asText());
        assertThat(pagePositions(dom)).isEqualTo(heldPositions(state.get("positions")));
        assertThat(pageOrders(dom)).as("the orders table").isEqualTo(stateOrders(state, null));
        int markers = 0;
        for (String symbol : List.of("BTC", "ETH")) {
            final String id = "chart-" + symbol;
            assertThat(Chromium.attribute(dom, id, "data-drawn")).isEqualTo("true");
            final long from = Long.parseLong(Chromium.attribute(dom, id, "data-from-ms"));
            final long to = Long.parseLong(Chromium.attribute(dom, id, "data-to-ms"));
            final List<String> expected = expectedMarkers(log, symbol, from, to);
            final List<String> shown = shownMarkers(Chromium.attribute(dom, id, "data-fills"));
            assertThat(shown).as(symbol + " fill markers in view vs the trade log").isEqualTo(expected);
            markers += shown.size();
            if (!expected.isEmpty()) {
                // the check itself must catch a marker the trade log does not have
                final List<String> tampered = new ArrayList<>(expected);
                tampered.set(0, tampered.get(0).replace("|BUY|", "|SELL|").replace("|buy|", "|sell|"));
                assertThat(shown).isNotEqualTo(tampered);
            }
            final List<String> lines = new ArrayList<>();
            JSON.readTree(Chromium.attribute(dom, id, "data-price-lines")).forEach(l -> lines.add(plain(l.asText())));
            final List<String> prices = new ArrayList<>();
            stateOrders(state, symbol).forEach(o -> prices.add(o.substring(o.lastIndexOf('|') + 1)));
            assertThat(lines).as(symbol + " order and stop lines vs the state's orders").isEqualTo(prices);
        }
        assertThat(markers).as("fills in view").isPositive();
        final JsonNode last = JSON.readTree(Chromium.attribute(dom, "equity-chart", "data-last"));
        assertThat(last.get(0).asLong() * 1_000_000L)
            .isEqualTo(io.ringtrader.event.Rfc3339.parse(state.get("last_update").asText()));
        assertThat(new BigDecimal(last.get(1).asText())).as("the drawn equity curve ends at the state's total value")
            .isCloseTo(dec(state.get("total_value")), org.assertj.core.data.Offset.offset(new BigDecimal("1e-6")));
    }

    /** "id|symbol|purpose|price" of the state's orders with a price (of {@code symbol}, or all), in its order. */
    private static List<String> stateOrders(JsonNode state, String symbol) {
        final List<String> out = new ArrayList<>();
        for (JsonNode o : state.get("orders")) {
            final boolean stop = o.get("type").asText().contains("stop");
            final String price = o.get(stop ? "stop_price" : "limit_price").asText();
            if ((symbol == null || symbol.equals(o.get("symbol").asText())) && new BigDecimal(price).signum() > 0) {
                out.add(o.get("id").asText() + "|" + o.get("symbol").asText() + "|" + o.get("purpose").asText() + "|"
                    + plain(price));
            }
        }
        return out;
    }

    private static List<String> pageOrders(String dom) {
        final List<String> out = new ArrayList<>();
        final Matcher m = Pattern.compile("<tr data-order=\"([^\"]+)\"").matcher(dom);
        while (m.find()) {
            final String row = Chromium.decode(m.group(1));
            final int cut = row.lastIndexOf('|') + 1;
            if (new BigDecimal(row.substring(cut)).signum() > 0) {
                out.add(row.substring(0, cut) + plain(row.substring(cut)));
            }
        }
        return out;
    }

    private static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    @Test
    @Timeout(180)
    void shouldPushLiveSnapshotsOverServerSentEventsAndThePageShouldFollowThem() throws Exception {
        final int port = freePort();
        final Process engine = engine(port, "--speed", "1800", "--sim-hours", "0", "--duration", "40s");
        try {
            awaitSession(port, engine, "running");
            for (int i = 0; i < 600 && !api(port, "/api/status").get("portfolio").asBoolean(); i++) {
                LockSupport.parkNanos(50_000_000L); // the portfolio view is published with the first event
            }
            final HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/events")).build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(events.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
            final List<JsonNode> snapshots = new ArrayList<>();
            try (Stream<String> lines = events.body()) {
                final Iterator<String> it = lines.iterator();
                while (snapshots.size() < 4 && it.hasNext()) {
                    final String line = it.next();
                    if (line.startsWith("data: ")) {
                        snapshots.add(JSON.readTree(line.substring(6)));
                    }
                }
            }
            assertThat(snapshots).hasSize(4);
            for (JsonNode s : snapshots) {
                assertThat(s.get("status").get("session").asText()).isEqualTo("running");
                assertThat(s.has("positions") && s.has("signals")).isTrue();
            }
            final Instant first = Instant.parse(snapshots.get(0).get("status").get("last_update").asText());
            final Instant last = Instant.parse(snapshots.get(3).get("status").get("last_update").asText());
            assertThat(last).as("exchange time moves between pushes").isAfter(first);

            final Chromium chromium = Chromium.require(dir);
            // the default page (live=sse) in real time: the first snapshot is fetched, the next come as events
            final String dom = chromium.domWhen("http://127.0.0.1:" + port + "/", "document.body.dataset.ready"
                + " === 'true' && Number(document.body.dataset.updates) >= 4", 60_000);
            assertThat(Chromium.attribute(dom, "live", "class")).as("the page's event stream is open")
                .isEqualTo("tag ok");
            final Matcher shown = Pattern.compile("id=\"last-update\"[^>]*>([^<]+)<").matcher(dom);
            assertThat(shown.find()).isTrue();
            assertThat(Instant.parse(shown.group(1))).as("the page shows a pushed snapshot's exchange time")
                .isAfter(last);
        } finally {
            engine.destroy(); // SIGTERM: a graceful stop, sooner than the 40 s deadline
            assertThat(engine.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(engine.exitValue()).isZero();
    }

    @Test
    @Timeout(60)
    void shouldRefuseANonLoopbackBindWithoutATokenWithExitCode2() throws IOException {
        final Path config = dir.resolve("open.yaml");
        Files.writeString(config, "http: {bind: 0.0.0.0}\n");
        final StringWriter err = new StringWriter();
        final int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "live-trading", "-c", config.toString(), "--feed", "sim", "--http-port", "8099", "--data-dir",
            dir.resolve("d").toString(), "--logs-dir", dir.resolve("l").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("http.token").contains("not a loopback address");
        assertThat(dir.resolve("d")).doesNotExist();
        Files.writeString(config, "http: {prot: 8099}\n");
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "live-trading",
            "-c", config.toString(), "--data-dir", dir.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("http.prot");
    }

    private static List<String[]> tradeLog(Path file) throws IOException {
        final List<String[]> rows = new ArrayList<>();
        final List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /** symbol -> quantity of every non-zero position ("SYM=qty" sorted), from the state file or the API. */
    private static List<String> heldPositions(JsonNode positions) {
        final List<String> out = new ArrayList<>();
        if (positions.isArray()) {
            positions.forEach(p -> add(out, p.get("symbol").asText(), p.get("quantity").asText(),
                p.get("average_cost").asText()));
        } else {
            for (java.util.Map.Entry<String, JsonNode> e : positions.properties()) {
                add(out, e.getKey(), e.getValue().get("quantity").asText(), e.getValue().get("average_cost").asText());
            }
        }
        out.sort(null);
        return out;
    }

    private static void add(List<String> out, String symbol, String quantity, String averageCost) {
        if (new BigDecimal(quantity).signum() != 0) {
            out.add(symbol + "=" + new BigDecimal(quantity).stripTrailingZeros().toPlainString() + "@"
                + new BigDecimal(averageCost).stripTrailingZeros().toPlainString());
        }
    }

    private static List<String> pagePositions(String dom) {
        final List<String> out = new ArrayList<>();
        final Matcher m = Pattern.compile("<tr data-symbol=\"([A-Z0-9]+)\" data-quantity=\"([^\"]+)\""
            + " data-average-cost=\"([^\"]+)\"").matcher(dom.substring(dom.indexOf("id=\"positions\"")));
        while (m.find()) {
            add(out, m.group(1), m.group(2), m.group(3));
        }
        out.sort(null);
        return out;
    }

    /** "time_ms|side|kind|price" of the trade log's fills of {@code symbol} in [from, to). */
    private static List<String> expectedMarkers(List<String[]> log, String symbol, long fromMs, long toMs) {
        final List<String> out = new ArrayList<>();
        for (String[] r : log) {
            final long t = Math.floorDiv(io.ringtrader.event.Rfc3339.parse(r[0]), 1_000_000L);
            if (r[1].equals(symbol) && t >= fromMs && t < toMs) {
                final String kind = r[17].isEmpty() ? r[2].toLowerCase(java.util.Locale.ROOT) : r[17];
                out.add(t + "|" + r[2] + "|" + kind + "|" + new BigDecimal(r[3]).stripTrailingZeros().toPlainString());
            }
        }
        return out;
    }

    private static List<String> shownMarkers(String json) throws IOException {
        final List<String> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(json)) {
            out.add(m.get("time_ms").asLong() + "|" + m.get("side").asText() + "|" + m.get("kind").asText() + "|"
                + new BigDecimal(m.get("price").asText()).stripTrailingZeros().toPlainString());
        }
        return out;
    }
}
