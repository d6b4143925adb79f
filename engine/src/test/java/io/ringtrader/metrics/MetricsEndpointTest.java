package io.ringtrader.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void shouldServeCountersAndLatencyQuantilesInPrometheusText() throws Exception {
        final Counters counters = new Counters();
        final AtomicLong trades = new AtomicLong(5);
        counters.add("ringtrader_trades_total", "Trades published into the ring", trades::get);
        counters.add("ringtrader_feed_rejects_total", "Frames rejected", "reason", "malformed_json", () -> 3);
        counters.add("ringtrader_feed_rejects_total", "Frames rejected", "reason", "unknown_product", () -> 1);
        final LatencyTracker latency = new LatencyTracker("candles", "end_to_end");
        for (int i = 1; i <= 1000; i++) {
            latency.record(1, i * 1000L);
        }
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, counters, latency)) {
            trades.set(7);
            final HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            final String body = response.body();
            PrometheusText.assertValid(body);
            assertThat(body).contains("# TYPE ringtrader_trades_total counter")
                .contains("ringtrader_trades_total 7.0")
                .contains("ringtrader_feed_rejects_total{reason=\"malformed_json\"} 3.0")
                .contains("ringtrader_feed_rejects_total{reason=\"unknown_product\"} 1.0")
                .contains("# TYPE ringtrader_latency_seconds summary")
                .contains("ringtrader_latency_seconds_count{stage=\"end_to_end\"} 1000")
                .containsPattern("ringtrader_latency_seconds\\{stage=\"end_to_end\",quantile=\"0\\.99\"} 9\\.9\\d*E-4");
        }
    }

    @Test
    void formatCheckShouldRefuseBrokenExpositions() {
        PrometheusText.assertValid("# HELP a_total A\n# TYPE a_total counter\na_total{r=\"x\"} 1.0\n");
        for (String broken : List.of("a_total 1.0\n", "# TYPE a gauge\na{r=x} 1\n", "# TYPE a gauge\na one\n",
            "# TYPE a gauge\na 1\na 2\n", "# TYPE a gauge\nb 1\n", "# TYPE a gauge\na 1")) {
            assertThatThrownBy(() -> PrometheusText.assertValid(broken)).as(broken).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void shouldAccumulateIntervalsIntoCumulativePercentiles() {
        final LatencyTracker latency = new LatencyTracker("x");
        latency.record(0, 100);
        latency.sample();
        latency.record(0, 300);
        latency.sample();
        assertThat(latency.count(0)).isEqualTo(2);
        assertThat(latency.max(0)).isEqualTo(300);
        assertThat(latency.recentPercentile(0, 100)).isEqualTo(300);
        assertThat(latency.summary()).contains("x p50=0.1");
    }
}
