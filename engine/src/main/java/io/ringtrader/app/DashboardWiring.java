package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.pipeline.StageChain;
import io.ringtrader.config.HttpConfig;
import io.ringtrader.dashboard.DashboardServer;
import io.ringtrader.dashboard.DashboardSources;
import io.ringtrader.dashboard.SignalView;
import io.ringtrader.dashboard.SignalViewHandler;
import io.ringtrader.dashboard.StrategiesView;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.metrics.MetricsEndpoint;
import io.ringtrader.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The dashboard's part of one engine session ({@code --http-port}): the views it adds (the latest signals, the
 * strategy choices), the ring stage that fills the signal view, and the HTTP server, started once the stages exist
 * and closed after the session (optionally lingering on the final state). Off when {@code http.port} is 0.
 */
final class DashboardWiring implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DashboardWiring.class);
    private final HttpConfig http;
    private final EngineMode mode;
    private final SignalView signals;
    private final StrategiesView strategies;
    private DashboardServer server;

    private DashboardWiring(HttpConfig http, EngineMode mode, SignalView signals, StrategiesView strategies) {
        this.http = http;
        this.mode = mode;
        this.signals = signals;
        this.strategies = strategies;
    }

    /** The dashboard of a session, or null when {@code http.port} is 0; {@code choice} is null in data-only. */
    static DashboardWiring create(EngineConfig config, EngineMode mode, Instruments instruments,
                                  StrategySelection.Choice choice, StrategyRegistry registry) {
        if (config.http().port() == 0) {
            return null;
        }
        final boolean trading = choice != null && registry != null;
        return new DashboardWiring(config.http(), mode, trading ? new SignalView(instruments.size()) : null,
            trading ? new StrategiesView(choice.active(), choice.reason(), registry.names()) : null);
    }

    /** Journal notes also reach the strategies view (re-selections); {@code journalNotes} may be null. */
    Consumer<String> notes(Consumer<String> journalNotes) {
        if (strategies == null) {
            return journalNotes;
        }
        return note -> {
            if (journalNotes != null) {
                journalNotes.accept(note);
            }
            strategies.onNote(note);
        };
    }

    /** The ring stage filling the signal view (after the strategy stage), or null when nothing trades. */
    EventHandler<MarketEvent> stage() {
        return signals == null ? null : new SignalViewHandler(signals);
    }

    /** Starts serving the session's views. */
    void start(EngineConfig config, StageChain stages, Instruments instruments, Path dataDir,
               Supplier<String> feedState) throws InterruptedException {
        final DashboardSources sources = new DashboardSources(mode.name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', '-'), instruments, config.quoteCurrency(), config.portfolio().startingCashE8(),
            stages.view, signals, strategies, stages.parquet.view(), stages.counters, stages.latency, feedState,
            dataDir.resolve("live_trades.csv"), dataDir.resolve("portfolio_state.json"));
        server = DashboardServer.start(http, sources, MetricsEndpoint.registry(stages.counters, stages.latency));
        LOG.info("Dashboard at http://{}:{}/ (JSON API under /api/, /metrics){}", http.bind(), server.port(),
            http.tokenRequired() ? "; every request must carry the token (http.token)" : "");
    }

    /**
     * The session is over and everything is persisted: with {@code http.linger_seconds}, keep serving the final
     * state that long, or until SIGINT/SIGTERM ({@code interrupted} tells whether one already came).
     */
    void linger(Supplier<Boolean> interrupted) {
        if (server == null) {
            return;
        }
        server.api().sessionEnded();
        if (http.lingerSeconds() <= 0 || interrupted.get()) {
            return;
        }
        LOG.info("Session ended; the dashboard stays up for {} s at http://{}:{}/ (Ctrl-C ends it)",
            http.lingerSeconds(), http.bind(), server.port());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(http.lingerSeconds());
        while (System.nanoTime() - deadline < 0 && !interrupted.get()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** The port served, or -1 before {@link #start}. */
    int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
