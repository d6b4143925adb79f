package io.ringtrader.bench;

import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}: {@code latency [seconds] [repeats]} runs the open-loop end-to-end
 * latency comparison ({@link EndToEndLatency}), {@code level2-burst [seconds] [repeats] [rates] [levels per frame]}
 * level2 update frames through the feed's books, the ring and the journal ({@link Level2Burst}),
 * {@code dashboard [seconds] [repeats]} the same with and without a dashboard client ({@link DashboardLatency}),
 * {@code replay [events] [repeats] [wait]} the replay throughput ({@link ReplayThroughput}),
 * {@code soak [days] [keep] [archive]} thirty simulated days with journal retention ({@link Soak}),
 * {@code sweep [repeats] [naiveSets]} an optimize sweep against a naive full-window one ({@link KernelSweep}),
 * {@code summary FILE} prints a Markdown table of a JMH JSON result ({@link JmhSummary}); anything else goes to
 * JMH ({@code -prof gc}, {@code -l}, benchmark regexes, ...). Running from the jar's manifest gives this JVM the
 * module flags Chronicle needs.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Dispatches to the latency harness, the replay harness or JMH. */
    public static void main(String[] args) throws Exception {
        final String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (args.length > 0 && "latency".equals(args[0])) {
            EndToEndLatency.main(rest);
        } else if (args.length > 0 && "level2-burst".equals(args[0])) {
            Level2Burst.main(rest);
        } else if (args.length > 0 && "dashboard".equals(args[0])) {
            DashboardLatency.main(rest);
        } else if (args.length > 0 && "replay".equals(args[0])) {
            ReplayThroughput.main(rest);
        } else if (args.length > 0 && "soak".equals(args[0])) {
            Soak.main(rest);
        } else if (args.length > 0 && "sweep".equals(args[0])) {
            KernelSweep.main(rest);
        } else if (args.length > 0 && "summary".equals(args[0])) {
            JmhSummary.main(rest);
        } else {
            org.openjdk.jmh.Main.main(args);
        }
        System.exit(0); // the ring's daemon threads are stopped; Chronicle's background threads need not linger
    }
}
