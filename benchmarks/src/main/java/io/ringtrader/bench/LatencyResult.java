package io.ringtrader.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One latency measurement (microseconds) of one pipeline variant at one rate, and the Markdown tables printed from
 * them. Immutable; used by the harness thread only.
 */
record LatencyResult(String name, int rate, double p50Us, double p99Us, double p999Us, double maxUs,
                     double achievedPerSecond, String summary) {

    LatencyResult(String name, int rate, Histogram h, long sent, long wallNs, String summary) {
        this(name, rate, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, sent * 1e9 / wallNs, summary);
    }

    LatencyResult withSummary(String text) {
        return new LatencyResult(name, rate, p50Us, p99Us, p999Us, maxUs, achievedPerSecond, text);
    }

    String row() {
        return String.format(Locale.ROOT, "| %-32s | %7d | %9.2f | %9.1f | %9.1f | %9.1f | %9.0f |", name, rate,
            p50Us, p99Us, p999Us, maxUs, achievedPerSecond);
    }

    static void printTable(List<LatencyResult> results) {
        System.out.println("| pipeline | rate/s | p50 us | p99 us | p99.9 us | max us | achieved/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (LatencyResult r : results) {
            System.out.println(r.row());
        }
    }

    /** Per variant and rate, the median of each figure over the repeats (figures taken independently). */
    static List<LatencyResult> medians(List<List<LatencyResult>> repeats) {
        final List<LatencyResult> out = new ArrayList<>();
        final List<LatencyResult> first = repeats.get(0);
        for (int i = 0; i < first.size(); i++) {
            final int k = i;
            out.add(new LatencyResult(first.get(i).name(), first.get(i).rate(),
                median(repeats, k, LatencyResult::p50Us), median(repeats, k, LatencyResult::p99Us),
                median(repeats, k, LatencyResult::p999Us), median(repeats, k, LatencyResult::maxUs),
                median(repeats, k, LatencyResult::achievedPerSecond), first.get(i).summary()));
        }
        return out;
    }

    private static double median(List<List<LatencyResult>> repeats, int index,
                                 java.util.function.ToDoubleFunction<LatencyResult> figure) {
        final double[] values = new double[repeats.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = figure.applyAsDouble(repeats.get(r).get(index));
        }
        Arrays.sort(values);
        final int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Each variant's p50 and p99 divided by the baseline's and the limit's at the same rate. */
    static void printRatios(List<LatencyResult> results, String baseline, String limit) {
        System.out.println("| pipeline | rate/s | p50 / ABQ | p99 / ABQ | p50 / no-op | p99 / no-op |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (LatencyResult r : results) {
            final LatencyResult b = find(results, baseline, r.rate());
            final String sameWait = "no-op disruptor / " + waitOf(r.name());
            final LatencyResult l = has(results, sameWait) ? find(results, sameWait, r.rate())
                : find(results, limit, r.rate());
            System.out.println(String.format(Locale.ROOT, "| %-32s | %7d | %8.3f | %8.3f | %8.1f | %8.1f |",
                r.name(), r.rate(), r.p50Us() / b.p50Us(), r.p99Us() / b.p99Us(), r.p50Us() / l.p50Us(),
                r.p99Us() / l.p99Us()));
        }
    }

    private static String waitOf(String name) {
        final int slash = name.lastIndexOf("/ ");
        return slash < 0 ? "-" : name.substring(slash + 2);
    }

    private static boolean has(List<LatencyResult> results, String name) {
        for (LatencyResult r : results) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static LatencyResult find(List<LatencyResult> results, String name, int rate) {
        for (LatencyResult r : results) {
            if (r.name().equals(name) && r.rate() == rate) {
                return r;
            }
        }
        throw new IllegalArgumentException("no result for " + name + " at " + rate);
    }
}
