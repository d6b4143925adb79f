package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processing stages for one mode, in pipeline order, with the background writers they feed. Built once, closed
 * once after the ring has drained (closing flushes Parquet, the trade log and the state file).
 */
final class Stages implements AutoCloseable {
    private final List<EventHandler<MarketEvent>> handlers;
    private final List<AutoCloseable> closeables;

    private Stages(List<EventHandler<MarketEvent>> handlers, List<AutoCloseable> closeables) {
        this.handlers = handlers;
        this.closeables = closeables;
    }

    static Stages build(EngineMode mode, EngineConfig config, Instruments instruments, Path dataDir,
                        StopSignal stop) {
        final List<EventHandler<MarketEvent>> handlers = new ArrayList<>();
        final List<AutoCloseable> closeables = new ArrayList<>();
        return new Stages(handlers, closeables);
    }

    List<EventHandler<MarketEvent>> handlers() {
        return handlers;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                org.apache.logging.log4j.LogManager.getLogger(Stages.class).error("Closing {} failed",
                    closeables.get(i), e);
            }
        }
    }
}
