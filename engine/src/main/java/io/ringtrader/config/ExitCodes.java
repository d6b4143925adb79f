package io.ringtrader.config;

/** Process exit codes. */
public final class ExitCodes {
    /** Finished normally (including a stop by SIGINT/SIGTERM, the end of a simulated session or tape). */
    public static final int OK = 0;
    /** A runtime failure. */
    public static final int FAILURE = 1;
    /** Bad usage or configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
