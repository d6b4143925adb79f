package io.ringtrader.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.HttpConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.MetricsEndpoint;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.store.CandleView;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's HTTP rules on a real loopback server: GET only, the token, loopback host names, the files. */
@Timeout(60)
class DashboardServerTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DashboardServer start(Map<String, Object> http) throws Exception {
        final HttpConfig config = HttpConfig.read(new ConfigNode("http", JSON.valueToTree(http)));
        final Instruments instruments = Instruments.of(List.of("BTC", "ETH"), "USD");
        final Counters counters = new Counters();
        counters.add("ringtrader_feed_gaps_total", "gaps", () -> 3);
        final LatencyTracker latency = new LatencyTracker("journal", "end_to_end");
        latency.record(0, 1_500);
        latency.sample();
        final DashboardSources sources = new DashboardSources("live-trading", instruments, "USD", 100_000_00000000L,
            new PortfolioView(2), new SignalView(2), new StrategiesView(List.of("breakout"), "pinned",
            List.of("breakout")), new CandleView(2, 7), counters, latency, () -> "CONNECTED",
            dir.resolve("live_trades.csv"), dir.resolve("portfolio_state.json"));
        server = DashboardServer.start(config, sources, MetricsEndpoint.registry(counters, latency));
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeThePageTheLibraryTheApiAndMetricsOnLoopbackWithoutAToken() throws Exception {
        start(Map.of("port", freePort()));
        final HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"lib/echarts.min.js\"></script>").doesNotContain("http://")
            .doesNotContain("https://");
        assertThat(page.headers().firstValue("content-security-policy")).get().asString().contains("'self'");
        assertThat(get("/lib/echarts.min.js").body()).hasSizeGreaterThan(500_000).contains("echarts")
            .as("the library served is the WebJar version the pom names")
            .contains("t.version=\"" + StaticResources.ECHARTS_VERSION + "\"");
        assertThat(StaticResources.ECHARTS_VERSION).isEqualTo(System.getProperty("echarts.version",
            StaticResources.ECHARTS_VERSION)).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(get("/dashboard.js").body()).contains("EventSource");
        final JsonNode status = JSON.readTree(get("/api/status").body());
        assertThat(status.get("symbols").toString()).isEqualTo("[\"BTC\",\"ETH\"]");
        assertThat(status.get("portfolio").asBoolean()).as("nothing published yet").isFalse();
        assertThat(status.get("feed").get("state").asText()).isEqualTo("CONNECTED");
        assertThat(status.get("feed").get("gaps").asLong()).isEqualTo(3);
        assertThat(status.get("latency").get(0).get("stage").asText()).isEqualTo("journal");
        assertThat(status.get("latency").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(get("/api/strategies").body()).get("active").toString()).isEqualTo("[\"breakout\"]");
        assertThat(JSON.readTree(get("/api/trades").body()).get("count").asInt()).isZero();
        assertThat(get("/api/candles?symbol=XRP").statusCode()).isEqualTo(400);
        assertThat(get("/api/trades?since=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/metrics").body()).contains("ringtrader_feed_gaps_total 3.0");
    }

    /** The status line of a GET with {@code host} as its Host header (the JDK client will not set that header). */
    private String rawStatusLine(String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /api/status HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void shouldRefuseEveryMethodButGet() throws Exception {
        start(Map.of("port", freePort()));
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/status")).method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).as(method).contains("GET");
        }
        assertThat(get("/api/status").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseForeignHostNamesWithoutAToken() throws Exception {
        start(Map.of("port", freePort()));
        // a page on another site that rebinds its name to 127.0.0.1 sends its own host name
        assertThat(rawStatusLine("evil.example:" + server.port())).contains(" 403 ");
        assertThat(rawStatusLine("localhost:" + server.port())).contains(" 200 ");
        assertThat(DashboardHttpHandler.loopbackHost("127.0.0.1:80")).isTrue();
        assertThat(DashboardHttpHandler.loopbackHost("[::1]:80")).isTrue();
        assertThat(DashboardHttpHandler.loopbackHost("127.evil.com")).isFalse();
        assertThat(DashboardHttpHandler.loopbackHost(null)).isFalse();
    }

    @Test
    void shouldRequireTheTokenOnEveryRequestWhenBoundBeyondLoopback() throws Exception {
        start(Map.of("port", freePort(), "bind", "0.0.0.0", "token", TOKEN));
        for (String path : List.of("/", "/api/status", "/api/events", "/metrics", "/lib/echarts.min.js")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Authorization", "Bearer wrong-token-0123456789").statusCode()).as(path)
                .isEqualTo(401);
        }
        assertThat(get("/api/status?token=nope").statusCode()).isEqualTo(401);
        assertThat(get("/api/status", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/status?token=" + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/?token=" + TOKEN).body()).contains("RingTrader");
    }
}
