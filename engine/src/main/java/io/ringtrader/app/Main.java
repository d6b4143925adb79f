package io.ringtrader.app;

import io.ringtrader.config.ExitCodes;
import picocli.CommandLine;

/**
 * {@code java -jar engine.jar COMMAND [OPTIONS]}. Exit codes: 0 done, 2 bad usage or configuration, 1 runtime
 * failure.
 */
public final class Main {
    static {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    private Main() {
    }

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        final int code = run(args);
        LoggingSetup.shutdown(); // flush the async loggers last, after every state file is safe
        if (SignalShutdown.complete(code)) {
            // A signal started the JVM's shutdown: its hook halts with this code; System.exit would deadlock.
            return;
        }
        System.exit(code);
    }

    /** Runs a command and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command writing usage and errors to the given streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        final CommandLine cli = new CommandLine(new RingTraderCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.FAILURE;
        });
        return cli.execute(args);
    }
}
