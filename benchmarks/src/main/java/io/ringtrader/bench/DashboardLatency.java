package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.HttpConfig;
import io.ringtrader.dashboard.DashboardServer;
import io.ringtrader.dashboard.DashboardSources;
import io.ringtrader.dashboard.SignalView;
import io.ringtrader.dashboard.SignalViewHandler;
import io.ringtrader.dashboard.StrategiesView;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.MetricsEndpoint;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does a connected dashboard cost the stages anything? The open-loop end-to-end harness ({@link EndToEndLatency})
 * over the engine's real stage chain, fused with the default (blocking) wait strategy, run interleaved in three
 * ways: no dashboard; the dashboard's server (and its signal-view stage) with one client subscribed to the
 * server-sent events (what a browser tab does); and the server with a client polling the heaviest API calls (the
 * snapshot, every trade, six hours of candles and the equity curve) every 250 ms, four times what the page asks.
 *
 * <p>Usage: {@code java -jar benchmarks.jar dashboard [seconds per run, default 5] [repeats, default 3]
 * [rate, default 10000]}; prints one table per repeat and the medians.
 */
public final class DashboardLatency {
    private static final EndToEndLatency.Variant FUSED = new EndToEndLatency.Variant("engine fused / blocking",
        "disruptor", "fused", "blocking");
    private static final String[] MODES = {"no dashboard", "dashboard + SSE client", "dashboard + polling client"};

    private DashboardLatency() {
    }

    /** Runs the three modes {@code repeats} times, interleaved, and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        System.out.printf("# End-to-end latency with and without a dashboard client: %.1f s per run, %d repeat(s),"
            + " %,d trades/s, %s%n", seconds, repeats, rate, Machine.describe());
        run(0, rate, Math.min(seconds, 2.0));
        run(2, rate, Math.min(seconds, 2.0));
        final List<List<LatencyResult>> all = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            final LatencyResult[] slots = new LatencyResult[MODES.length];
            for (int k = 0; k < MODES.length; k++) {
                final int mode = rep % 2 == 0 ? k : MODES.length - 1 - k;
                slots[mode] = run(mode, rate, seconds);
                System.err.println("  " + slots[mode].row() + " " + slots[mode].summary());
            }
            all.add(List.of(slots));
            System.out.printf("%n## Repeat %d of %d (load average %s)%n%n", rep + 1, repeats, Machine.loadAverage());
            LatencyResult.printTable(List.of(slots));
        }
        System.out.printf("%n## Median of %d repeat(s)%n%n", repeats);
        LatencyResult.printTable(LatencyResult.medians(all));
        BenchStages.cleanUp();
    }

    private static LatencyResult run(int mode, int rate, double seconds) throws Exception {
        EndToEndLatency.settle();
        final BenchStages stages = BenchStages.open(BenchStages.config(Map.of()));
        DashboardServer server = null;
        final AtomicBoolean clientRunning = new AtomicBoolean(true);
        final AtomicLong requests = new AtomicLong();
        Thread client = null;
        try {
            final List<EventHandler<MarketEvent>> chain = new ArrayList<>(stages.handlers());
            if (mode > 0) {
                final SignalView signals = new SignalView(stages.instruments.size());
                chain.add(new SignalViewHandler(signals));
                final Counters counters = new Counters();
                final DashboardSources sources = new DashboardSources("live-trading", stages.instruments, "USD",
                    stages.config.portfolio().startingCashE8(), stages.view, signals,
                    new StrategiesView(stages.registry.names(), "benchmark", stages.registry.names()),
                    stages.parquet.view(), counters, stages.latency, () -> "CONNECTED",
                    stages.dataDir.resolve("live_trades.csv"), stages.dataDir.resolve("portfolio_state.json"));
                server = DashboardServer.start(new HttpConfig(0, "127.0.0.1", "", 0), sources,
                    MetricsEndpoint.registry(counters, stages.latency));
                final String base = "http://127.0.0.1:" + server.port();
                client = new Thread(mode == 1 ? () -> subscribe(base, clientRunning, requests)
                    : () -> poll(base, clientRunning, requests), "dashboard-client");
                client.setDaemon(true);
                client.start();
            }
            final EndToEndLatency.LatencyProbe probe = new EndToEndLatency.LatencyProbe();
            chain.add(probe);
            final long trades = (long) (rate * seconds);
            probe.warmupTrades = trades / 4;
            final LatencyResult r = EndToEndLatency.runDisruptor(FUSED, rate, trades, stages.instruments, chain,
                probe);
            return new LatencyResult(MODES[mode], rate, r.p50Us(), r.p99Us(), r.p999Us(), r.maxUs(),
                r.achievedPerSecond(), "client requests/events=" + requests.get() + "; " + stages.summary());
        } finally {
            clientRunning.set(false);
            if (server != null) {
                server.close();
            }
            if (client != null) {
                client.join(5_000);
            }
            stages.close();
        }
    }

    /** One browser tab: holds the event stream open and reads every pushed snapshot. */
    private static void subscribe(String base, AtomicBoolean running, AtomicLong events) {
        try (InputStream in = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
            + "/api/events")).build(), HttpResponse.BodyHandlers.ofInputStream()).body()) {
            final byte[] buf = new byte[64 * 1024];
            int n;
            while (running.get() && (n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && i > 0 && buf[i - 1] == '\n') {
                        events.incrementAndGet();
                    }
                }
            }
        } catch (Exception e) {
            // the server closed the stream at the end of the run
        }
    }

    /** A script polling the heavy calls every 250 ms. */
    private static void poll(String base, AtomicBoolean running, AtomicLong requests) {
        final HttpClient http = HttpClient.newHttpClient();
        final String[] paths = {"/api/snapshot", "/api/trades", "/api/candles?symbol=BTC", "/api/equity",
            "/api/orders", "/metrics"};
        while (running.get()) {
            for (String p : paths) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(base + p)).build(),
                        HttpResponse.BodyHandlers.discarding());
                    requests.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
