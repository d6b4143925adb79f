package io.ringtrader.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The engine's counters, registered once at wiring time as suppliers over the owning component's own fields
 * (each written by one thread), and read by telemetry: the status display, the minute log, Prometheus. Gauges
 * (values that go down too, such as the journal's disk use) are registered apart, as Prometheus types them apart.
 */
public final class Counters {
    /** One counter; {@code label} is empty for unlabelled ones (e.g. {@code reason=malformed_json} otherwise). */
    public record Entry(String name, String help, String labelName, String labelValue, LongSupplier value) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> gauges = new ArrayList<>();

    /** Registers an unlabelled counter. */
    public synchronized void add(String name, String help, LongSupplier value) {
        entries.add(new Entry(name, help, "", "", value));
    }

    /** Registers one labelled series of a counter. */
    public synchronized void add(String name, String help, String labelName, String labelValue,
                                 LongSupplier value) {
        entries.add(new Entry(name, help, labelName, labelValue, value));
    }

    /** Registers an unlabelled gauge. */
    public synchronized void addGauge(String name, String help, LongSupplier value) {
        gauges.add(new Entry(name, help, "", "", value));
    }

    /** Every gauge, in registration order. */
    public synchronized List<Entry> gauges() {
        return Collections.unmodifiableList(new ArrayList<>(gauges));
    }

    /** Every entry, in registration order. */
    public synchronized List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** Sum of every series of {@code name} (0 if none). */
    public long total(String name) {
        long sum = 0;
        for (Entry e : entries()) {
            if (e.name().equals(name)) {
                sum += e.value().getAsLong();
            }
        }
        return sum;
    }

    /** "name=value" pairs (labelled series as name{label}=value), for the minute log. */
    public String summary() {
        final StringBuilder sb = new StringBuilder();
        final List<Entry> all = new ArrayList<>(entries());
        all.addAll(gauges());
        for (Entry e : all) {
            final long v = e.value().getAsLong();
            if (!e.labelName().isEmpty() && v == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.name().replace("ringtrader_", "").replace("_total", ""));
            if (!e.labelName().isEmpty()) {
                sb.append('{').append(e.labelValue()).append('}');
            }
            sb.append('=').append(v);
        }
        return sb.toString();
    }
}
