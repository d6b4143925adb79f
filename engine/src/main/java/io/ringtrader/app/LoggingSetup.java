package io.ringtrader.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Configures Log4j2: every logger async ({@code AsyncLogger}/{@code AsyncRoot} in log4j2.xml, LMAX Disruptor
 * underneath, flushing files at the end of each batch), garbage-free
 * layouts, files under {@code --logs-dir}, {@code config/log4j2.xml} (next to the engine config) overriding the
 * default packed in the jar. Log4j's own shutdown hook is off: the engine flushes logs last, after state is safe.
 */
public final class LoggingSetup {
    private LoggingSetup() {
    }

    /** Points logging at {@code logsDir}, using {@code configDir/log4j2.xml} when it exists. */
    public static void init(Path logsDir, Path configDir) throws java.io.IOException {
        Files.createDirectories(logsDir);
        System.setProperty("ringtrader.logs", logsDir.toAbsolutePath().toString());
        System.setProperty("log4j2.enableThreadlocals", "true");
        System.setProperty("log4j2.enableDirectEncoders", "true");
        System.setProperty("log4j2.shutdownHookEnabled", "false");
        System.setProperty("log4j2.asyncLoggerWaitStrategy", "Sleep");
        System.setProperty("log4j2.formatMsgNoLookups", "true");
        final Path override = configDir == null ? null : configDir.resolve("log4j2.xml");
        if (override != null && Files.isRegularFile(override)) {
            System.setProperty("log4j2.configurationFile", override.toAbsolutePath().toString());
        } else {
            System.clearProperty("log4j2.configurationFile");
        }
        // A context may already exist (tests, or a second command in one JVM): re-read the properties.
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (override != null && Files.isRegularFile(override)) {
            context.setConfigLocation(override.toUri());
        } else {
            context.reconfigure();
        }
    }

    /** Flushes and stops logging; call last. */
    public static void shutdown() {
        LogManager.shutdown();
    }
}
