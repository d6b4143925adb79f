package io.ringtrader.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) into a Markdown table: per benchmark the median of
 * all measurement iterations (more robust than JMH's mean on a shared machine), min and max, and the median
 * {@code gc.alloc.rate.norm} (B/op) when run with {@code -prof gc}. Usage: {@code java -jar benchmarks.jar summary
 * FILE}. Stateless.
 */
final class JmhSummary {
    private JmhSummary() {
    }

    static void main(String[] args) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        System.out.println("| benchmark | params | median ns/op | min | max | iterations | B/op (median) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (JsonNode b : root) {
            final String name = b.get("benchmark").asText().replace("io.ringtrader.", "");
            final List<String> params = new ArrayList<>();
            final JsonNode p = b.get("params");
            if (p != null) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    params.add(e.getKey() + "=" + e.getValue().asText());
                }
            }
            final double[] ns = raw(b.get("primaryMetric"));
            double bytes = Double.NaN;
            final JsonNode secondary = b.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonNode> e : secondary.properties()) {
                    if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                        bytes = median(raw(e.getValue()));
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %d | %s |", name,
                String.join(" ", params), median(ns), ns[0], ns[ns.length - 1], ns.length,
                Double.isNaN(bytes) ? "-" : String.format(Locale.ROOT, "%.3f", bytes)));
        }
    }

    /** Every iteration's score over every fork, sorted. */
    private static double[] raw(JsonNode metric) {
        final List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode v : fork) {
                values.add(v.asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
