package io.ringtrader.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --duration} values such as {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code 500ms}. */
public final class DurationParser {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationParser() {
    }

    /** Milliseconds; throws {@link IllegalArgumentException} with a readable message when malformed. */
    public static long parseMillis(String text) {
        final String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.matches("\\d+")) {
            return Math.multiplyExact(Long.parseLong(t), 1000L);
        }
        final Matcher m = PART.matcher(t);
        long total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            final long n = Long.parseLong(m.group(1));
            final long unit = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            total = Math.addExact(total, Math.multiplyExact(n, unit));
            end = m.end();
        }
        if (end != t.length() || end == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 10m, 2h, 1h30m)");
        }
        return total;
    }
}
