package io.ringtrader.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code soak [days] [retention days] [archive]}: live trading on the built-in simulator for that many simulated
 * days of the nine default symbols at full speed, with journal retention on, in this JVM. At each new journal cycle
 * (the journal rolls on exchange time, so a new cycle is a new simulated day) it prints one Markdown row: the GC
 * count and pause total of the day (collectors' own figures), the heap after a forced full GC (that GC is left out
 * of the next day's figures), and the journal's (and archive's) cycle files and bytes (apparent sizes: Chronicle
 * pre-allocates cycle files sparsely, {@code du} shows less), and the fills so far (the state file's trade count).
 */
public final class Soak {
    private static final Pattern TRADE_COUNT = Pattern.compile("\"trade_count\"\\s*:\\s*(\\d+)");
    private Soak() {
    }

    /** Runs the soak and prints the table. */
    public static void main(String[] args) throws Exception {
        final int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        final int keep = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        final boolean archive = args.length > 2 && "archive".equals(args[2]);
        final Path dir = Files.createTempDirectory("ringtrader-soak");
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\npersistence: {journal_retention_days: "
            + keep + (archive ? ", journal_archive_dir: journal-archive" : "") + "}\n");
        final Path data = dir.resolve("data");
        System.out.printf(Locale.ROOT, "soak: %d simulated days, 9 symbols, journal_retention_days %d, %s, in %s%n%n",
            days, keep, archive ? "archived" : "deleted", dir);
        System.out.println("| sim day | GCs | GC pause ms | heap after GC MB | journal cycles | journal MB"
            + " | archive cycles | archive MB | fills |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        final CompletableFuture<Integer> engine = CompletableFuture.supplyAsync(() -> io.ringtrader.app.Main.run(
            "live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours",
            Integer.toString(days * 24), "--data-dir", data.toString(), "--logs-dir", dir.resolve("logs").toString()));
        final long[] base = gc();
        String newest = null;
        int day = 0;
        while (!engine.isDone()) {
            LockSupport.parkNanos(200_000_000L);
            final String latest = newestCycle(data.resolve("journal"));
            if (latest != null && !latest.equals(newest)) {
                if (newest != null) {
                    row(++day, base, data);
                }
                newest = latest;
            }
        }
        row(++day, base, data);
        System.out.println();
        System.out.println("exit code " + engine.get() + "; logs in " + dir.resolve("logs"));
    }

    /** Prints one day's row and moves {@code base} past the forced GC. */
    private static void row(int day, long[] base, Path data) throws Exception {
        final long[] now = gc();
        System.gc();
        final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        final long[] journal = files(data.resolve("journal"));
        final long[] archived = files(data.resolve("journal-archive"));
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %d | %.1f | %d | %.1f | %s |%n", day, now[0] - base[0],
            now[1] - base[1], heap / 1e6, journal[0], journal[1] / 1e6, archived[0], archived[1] / 1e6,
            fills(data.resolve("portfolio_state.json")));
        final long[] after = gc();
        base[0] = after[0];
        base[1] = after[1];
    }

    /** Collections and milliseconds spent in them, over every collector. */
    private static long[] gc() {
        final List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean b : beans) {
            count += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** The newest day's cycle file (the header cycle of exchange time 0 aside), or null. */
    private static String newestCycle(Path journal) throws Exception {
        if (!Files.isDirectory(journal)) {
            return null;
        }
        try (Stream<Path> s = Files.list(journal)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4") && !n.startsWith("1970"))
                .max(String::compareTo)
                .orElse(null);
        }
    }

    /** The state file's trade count, or "-" before the first save. */
    private static String fills(Path stateFile) throws Exception {
        if (!Files.isRegularFile(stateFile)) {
            return "-";
        }
        final Matcher m = TRADE_COUNT.matcher(Files.readString(stateFile));
        return m.find() ? m.group(1) : "-";
    }

    /** Cycle files and bytes of every file in {@code folder}. */
    private static long[] files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return new long[] {0, 0};
        }
        long cycles = 0;
        long bytes = 0;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                cycles += p.toString().endsWith(".cq4") ? 1 : 0;
                bytes += Files.size(p);
            }
        }
        return new long[] {cycles, bytes};
    }
}
