package io.ringtrader.app;

import io.ringtrader.config.ExitCodes;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The common start of every command: load and validate configuration (exit 2 with the key and the problem),
 * then set up logging, then run. Configuration is checked before anything is created or connected.
 */
final class Launch {
    private Launch() {
    }

    /** A command body that receives the validated configuration. */
    interface Body {
        int run(EngineConfig config) throws Exception;
    }

    static int run(CommonOptions options, PrintWriter err, Body body) {
        final EngineConfig config;
        try {
            options.durationMillis();
            config = options.loadConfig();
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            LoggingSetup.init(options.logsDir, options.configDir());
        } catch (IOException e) {
            err.println("cannot create the logs directory " + options.logsDir + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        try {
            return body.run(config);
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (Exception e) {
            org.apache.logging.log4j.LogManager.getLogger(Launch.class).fatal("Engine failed", e);
            err.println("error: " + e);
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** Adapts a body to picocli's {@link Callable}. */
    static Callable<Integer> callable(CommonOptions options, PrintWriter err, Body body) {
        return () -> run(options, err, body);
    }
}
