package io.ringtrader.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the counters and latency histograms in Prometheus text format at {@code /metrics}, using the Prometheus
 * Java client on its own HTTP threads. Values are pulled at scrape time; nothing is pushed from the hot path.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    /** Starts serving on {@code port} (0 = any free port) on all interfaces. */
    public static MetricsEndpoint start(int port, Counters counters, LatencyTracker latency) throws IOException {
        final HTTPServer server = HTTPServer.builder().port(port).registry(registry(counters, latency))
            .buildAndStart();
        return new MetricsEndpoint(server);
    }

    /** The Prometheus text exposition of {@code registry}, as served at {@code /metrics} (scrape-time values). */
    public static byte[] scrapeText(PrometheusRegistry registry) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toByteArray();
    }

    /** A registry of the counters and latency histograms, read by callbacks at scrape time. */
    public static PrometheusRegistry registry(Counters counters, LatencyTracker latency) {
        final PrometheusRegistry registry = new PrometheusRegistry();
        final Map<String, List<Counters.Entry>> byName = new LinkedHashMap<>();
        for (Counters.Entry e : counters.entries()) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Counters.Entry>> group : byName.entrySet()) {
            final List<Counters.Entry> series = group.getValue();
            final String label = series.get(0).labelName();
            final CounterWithCallback.Builder builder = CounterWithCallback.builder()
                .name(group.getKey().replaceAll("_total$", ""))
                .help(series.get(0).help())
                .callback(cb -> {
                    for (Counters.Entry e : series) {
                        if (label.isEmpty()) {
                            cb.call(e.value().getAsLong());
                        } else {
                            cb.call(e.value().getAsLong(), e.labelValue());
                        }
                    }
                });
            if (!label.isEmpty()) {
                builder.labelNames(label);
            }
            builder.register(registry);
        }
        for (Counters.Entry g : counters.gauges()) {
            GaugeWithCallback.builder().name(g.name()).help(g.help())
                .callback(cb -> cb.call(g.value().getAsLong())).register(registry);
        }
        SummaryWithCallback.builder()
            .name("ringtrader_latency_seconds")
            .help("Per-stage and end-to-end pipeline latency (HdrHistogram, since start)")
            .labelNames("stage")
            .callback(cb -> {
                latency.sample();
                for (int i = 0; i < latency.size(); i++) {
                    final long count = latency.count(i);
                    final Quantiles q = Quantiles.of(
                        new Quantile(0.5, latency.percentile(i, 50) / 1e9),
                        new Quantile(0.99, latency.percentile(i, 99) / 1e9),
                        new Quantile(0.999, latency.percentile(i, 99.9) / 1e9),
                        new Quantile(1.0, latency.max(i) / 1e9));
                    cb.call(count, latency.mean(i) * count / 1e9, q, latency.name(i));
                }
            })
            .register(registry);
        return registry;
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
