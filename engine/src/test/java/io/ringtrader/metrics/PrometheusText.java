package io.ringtrader.metrics;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a scrape against the Prometheus text exposition format (0.0.4), as {@code promtool check metrics} would
 * for syntax: HELP and TYPE once per family and before its samples, sample names of the family just typed, label
 * sets well formed and unique, values parseable. No promtool on the build machines, hence this.
 */
public final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|"
        + "untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\"
        + "\\n]|\\\\[\\\\\"n])*\",?)*})? (\\S+)( -?[0-9]+)?");
    private static final Pattern SUFFIX = Pattern.compile("_(total|created|count|sum|bucket)$");

    private PrometheusText() {
    }

    /** Throws an {@link AssertionError} naming the first line that breaks the format. */
    public static void assertValid(String text) {
        final Set<String> typed = new HashSet<>();
        final Set<String> series = new HashSet<>();
        String family = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                check(n == text.split("\n", -1).length, n, line, "blank line inside the exposition");
                continue;
            }
            final Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                check(typed.add(type.group(1)), n, line, "family typed twice");
                family = type.group(1);
                continue;
            }
            if (line.startsWith("#")) {
                check(HELP.matcher(line).matches(), n, line, "comment is neither HELP nor TYPE");
                continue;
            }
            final Matcher sample = SAMPLE.matcher(line);
            check(sample.matches(), n, line, "not a sample line");
            final String name = sample.group(1);
            check(name.equals(family) || SUFFIX.matcher(name).replaceAll("").equals(family), n, line,
                "sample outside its family " + family);
            check(series.add(name + (sample.group(2) == null ? "" : sample.group(2))), n, line, "series repeated");
            final String value = sample.group(3);
            check(value.matches("[+-]?Inf|NaN") || isNumber(value), n, line, "value is not a float");
        }
        check(text.endsWith("\n"), n, "", "exposition must end with a line feed");
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void check(boolean ok, int lineNumber, String line, String what) {
        if (!ok) {
            throw new AssertionError("invalid Prometheus text at line " + lineNumber + " (" + what + "): " + line);
        }
    }
}
