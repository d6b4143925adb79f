package io.ringtrader.bench;

import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}: {@code latency [seconds]} runs the open-loop end-to-end latency comparison
 * ({@link EndToEndLatency}); anything else goes to JMH ({@code -prof gc}, {@code -l}, benchmark regexes, ...).
 * Running from the jar's manifest gives this JVM the module flags Chronicle needs.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Dispatches to the latency harness or JMH. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "latency".equals(args[0])) {
            EndToEndLatency.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
