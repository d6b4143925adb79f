package io.ringtrader.research;

import io.ringtrader.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The parameter sets an {@code optimize} run tries: the full grid (cartesian product of the ranges, the first
 * range varying slowest), or {@code samples} distinct points of it drawn with a seeded {@link Random} (same seed,
 * same sets), listed in grid order. Immutable.
 */
public final class ParamGrid {
    /** Most parameter sets one search runs. */
    public static final int MAX_SETS = 100_000;

    private final List<ParamRange> ranges;
    private final List<int[]> points;

    private ParamGrid(List<ParamRange> ranges, List<int[]> points) {
        this.ranges = ranges;
        this.points = points;
    }

    /** Every point of the grid of {@code ranges}, or {@code samples} of them (0: all) drawn with {@code seed}. */
    public static ParamGrid of(List<ParamRange> ranges, int samples, long seed) {
        long size = 1;
        final List<String> names = new ArrayList<>();
        for (ParamRange r : ranges) {
            if (names.contains(r.name())) {
                throw new ConfigException("--param", r.name() + " is given twice");
            }
            names.add(r.name());
            size *= r.values().size();
            if (size > 10L * MAX_SETS) {
                throw new ConfigException("--param", "the grid has more than " + 10L * MAX_SETS + " points");
            }
        }
        final List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            chosen.add(i);
        }
        if (samples > 0 && samples < size) {
            Collections.shuffle(chosen, new Random(seed));
            chosen.subList(samples, chosen.size()).clear();
            Collections.sort(chosen);
        }
        if (chosen.size() > MAX_SETS) {
            throw new ConfigException("--param", "the grid has " + size + " points; sample at most " + MAX_SETS
                + " with --samples");
        }
        final List<int[]> points = new ArrayList<>();
        for (int index : chosen) {
            final int[] p = new int[ranges.size()];
            int rest = index;
            for (int k = ranges.size() - 1; k >= 0; k--) {
                p[k] = rest % ranges.get(k).values().size();
                rest /= ranges.get(k).values().size();
            }
            points.add(p);
        }
        return new ParamGrid(List.copyOf(ranges), points);
    }

    /** Number of parameter sets. */
    public int size() {
        return points.size();
    }

    /** Set {@code i} as configuration overrides under {@code prefix} (e.g. {@code strategies.params.NAME.}). */
    public Map<String, Object> overrides(int i, String prefix) {
        final Map<String, Object> o = new LinkedHashMap<>();
        for (int k = 0; k < ranges.size(); k++) {
            o.put(prefix + ranges.get(k).name(), ranges.get(k).overrideValue(points.get(i)[k]));
        }
        return o;
    }

    /** Set {@code i} as {@code name -> value text}, in --param order. */
    public Map<String, String> values(int i) {
        final Map<String, String> o = new LinkedHashMap<>();
        for (int k = 0; k < ranges.size(); k++) {
            o.put(ranges.get(k).name(), ranges.get(k).text(points.get(i)[k]));
        }
        return o;
    }

    /** Set {@code i} as {@code a=1 b=2}. */
    public String label(int i) {
        final StringBuilder sb = new StringBuilder();
        values(i).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
