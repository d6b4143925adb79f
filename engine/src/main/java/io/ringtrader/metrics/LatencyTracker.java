package io.ringtrader.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Latency histograms for each pipeline stage and end to end, recorded without allocation by the single consumer
 * thread that owns each stage ({@link SingleWriterRecorder}) and read by one telemetry thread, which accumulates
 * interval histograms into cumulative ones. Values are nanoseconds, 3 significant digits, up to 60 s.
 */
public final class LatencyTracker {
    private static final long HIGHEST_NS = 60_000_000_000L;
    private final long highestNs;
    private final String[] names;
    private final SingleWriterRecorder[] recorders;
    private final Histogram[] cumulative;
    private final Histogram[] interval;
    private final Histogram[] lastInterval;

    /** One histogram per name; index = position in {@code names}. */
    public LatencyTracker(String... names) {
        this(HIGHEST_NS, names);
    }

    /**
     * A tracker for a chain that is never timed (a backtest of bars, built thousands of times by {@code optimize}):
     * the same names, histograms of a few bytes instead of tens of kilobytes each; values clamp to 2 ns.
     */
    public static LatencyTracker untimed(String... names) {
        return new LatencyTracker(2, names);
    }

    private LatencyTracker(long highestNs, String... names) {
        this.highestNs = highestNs;
        this.names = names.clone();
        recorders = new SingleWriterRecorder[names.length];
        cumulative = new Histogram[names.length];
        interval = new Histogram[names.length];
        lastInterval = new Histogram[names.length];
        for (int i = 0; i < names.length; i++) {
            recorders[i] = new SingleWriterRecorder(1, highestNs, 3);
            cumulative[i] = new Histogram(1, highestNs, 3);
            lastInterval[i] = new Histogram(1, highestNs, 3);
        }
    }

    /** Number of histograms. */
    public int size() {
        return names.length;
    }

    /** Name of histogram {@code index}. */
    public String name(int index) {
        return names[index];
    }

    /** Index of {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Records one latency (writer thread of that histogram only); clamps to the trackable range. */
    public void record(int index, long nanos) {
        recorders[index].recordValue(Math.max(1, Math.min(nanos, highestNs)));
    }

    /**
     * Folds what was recorded since the last call into the cumulative histograms (telemetry thread only) and
     * keeps it as the latest interval.
     */
    public synchronized void sample() {
        for (int i = 0; i < recorders.length; i++) {
            interval[i] = recorders[i].getIntervalHistogram(interval[i]);
            cumulative[i].add(interval[i]);
            lastInterval[i].reset();
            lastInterval[i].add(interval[i]);
        }
    }

    /** Cumulative value at {@code percentile} (0-100) in ns. */
    public synchronized long percentile(int index, double percentile) {
        return cumulative[index].getValueAtPercentile(percentile);
    }

    /** Cumulative count. */
    public synchronized long count(int index) {
        return cumulative[index].getTotalCount();
    }

    /** Cumulative maximum in ns. */
    public synchronized long max(int index) {
        return cumulative[index].getMaxValue();
    }

    /** Cumulative mean in ns. */
    public synchronized double mean(int index) {
        return cumulative[index].getMean();
    }

    /** Latest interval's value at {@code percentile} in ns. */
    public synchronized long recentPercentile(int index, double percentile) {
        return lastInterval[index].getValueAtPercentile(percentile);
    }

    /** "name p50/p99/p99.9/max" in microseconds for each histogram, for logs. */
    public synchronized String summary() {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (cumulative[i].getTotalCount() == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(names[i]).append(" p50=").append(micros(cumulative[i].getValueAtPercentile(50)))
                .append(" p99=").append(micros(cumulative[i].getValueAtPercentile(99)))
                .append(" p99.9=").append(micros(cumulative[i].getValueAtPercentile(99.9)))
                .append(" max=").append(micros(cumulative[i].getMaxValue())).append("us");
        }
        return sb.length() == 0 ? "no latency samples yet" : sb.toString();
    }

    private static String micros(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1000.0);
    }
}
