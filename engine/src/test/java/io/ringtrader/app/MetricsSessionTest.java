package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code live-trading --feed sim --metrics-port N} serves counters and latency histograms while it runs. */
@Timeout(120)
class MetricsSessionTest {
    @TempDir
    Path dir;

    @Test
    void shouldServePrometheusCountersAndLatenciesWhileTradingOnTheSimulator() throws Exception {
        final int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\n");
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> engine = CompletableFuture.supplyAsync(() -> Main.run(
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "live-trading", "-c",
            config.toString(), "--feed", "sim", "--speed", "3600", "--sim-hours", "0", "--symbols", "BTC,ETH",
            "--duration", "12s", "--metrics-port", Integer.toString(port), "--data-dir",
            dir.resolve("data").toString(), "--logs-dir", dir.resolve("logs").toString()));
        final HttpClient http = HttpClient.newHttpClient();
        String body = "";
        long trades = 0;
        for (int i = 0; i < 200 && trades == 0; i++) {
            LockSupport.parkNanos(50_000_000L);
            try {
                body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                trades = value(body, "ringtrader_trades_total");
            } catch (IOException notYetListening) {
                body = "";
            }
        }
        assertThat(trades).as(body).isPositive();
        assertThat(body).contains("# TYPE ringtrader_latency_seconds summary")
            .contains("ringtrader_latency_seconds{stage=\"end_to_end\",quantile=\"0.99\"}")
            .contains("ringtrader_latency_seconds{stage=\"candles\",quantile=\"0.5\"}")
            .contains("ringtrader_candles_total").contains("ringtrader_fills_total")
            .contains("ringtrader_feed_rejects_total{reason=").contains("ringtrader_feed_reconnects_total")
            .contains("ringtrader_ring_drops_total").contains("ringtrader_feed_gaps_total")
            .contains("ringtrader_risk_rejections_total{reason=\"STAND_ASIDE\"}")
            .contains("ringtrader_risk_rejections_total{reason=\"AT_TARGET\"}")
            .contains("ringtrader_level2_books 2.0").contains("ringtrader_level2_crossed_total")
            .contains("ringtrader_level2_books_valid").contains("ringtrader_level2_rebuilds_total")
            .contains("ringtrader_level2_updates_ignored_total").contains("ringtrader_level2_resubscribes_total");
        io.ringtrader.metrics.PrometheusText.assertValid(body);
        assertThat(engine.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    private static long value(String body, String name) {
        final Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E]+)$").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
