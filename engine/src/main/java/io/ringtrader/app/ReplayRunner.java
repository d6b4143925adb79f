package io.ringtrader.app;

import io.ringtrader.config.EngineConfig;
import java.nio.file.Path;

/** Runs {@code replay}; see {@link ReplayCommand}. */
final class ReplayRunner {
    private final EngineConfig config;
    private final CommonOptions options;
    private final boolean verify;
    private final Path out;

    ReplayRunner(EngineConfig config, CommonOptions options, boolean verify, Path out) {
        this.config = config;
        this.options = options;
        this.verify = verify;
        this.out = out;
    }

    int run() {
        throw new UnsupportedOperationException("replay is not implemented yet (config " + config.symbols()
            + ", journal " + options.journal + ", verify " + verify + ", out " + out + ")");
    }
}
