package io.ringtrader.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Starts the engine in a child JVM (so a test can kill it with SIGKILL) and watches its log. */
final class EngineProcess {
    private static final String[] JVM_FLAGS = {
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Dchronicle.analytics.disable=true", "-Xmx512m"};

    private EngineProcess() {
    }

    /** Runs {@code Main} with {@code args}, its output in a file under {@code outDir}. */
    static Process start(Path outDir, List<String> args) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JVM_FLAGS));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        Files.createDirectories(outDir);
        final File output = outDir.resolve("process-" + System.nanoTime() + ".out").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    }

    /** Waits (at most 60 s) until {@code log} contains {@code text} at least {@code times} times. */
    static void awaitLog(Path log, String text, int times) throws IOException {
        for (int i = 0; i < 1200; i++) {
            if (count(log, text) >= times) {
                return;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        throw new AssertionError("the log never showed '" + text + "' " + times + " times");
    }

    /** Occurrences of {@code text} in {@code file} (0 if it does not exist). */
    static int count(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        final String content = Files.readString(file);
        int count = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }
}
