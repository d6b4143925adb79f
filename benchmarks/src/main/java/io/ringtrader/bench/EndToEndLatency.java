package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.pipeline.Pipeline;
import io.ringtrader.pipeline.StopSignal;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop, coordinated-omission-safe end-to-end latency: a producer publishes synthetic trades at a fixed rate,
 * stamping each with its <em>planned</em> send time; a last stage (where the app's session-control stage sits)
 * records now - planned into an HdrHistogram. A late producer or a full ring therefore shows up as latency instead
 * of being hidden (the closed-loop JMH trap). Compares, in one process and interleaved: the engine's real stage
 * chain ({@link BenchStages}) fused and per-stage under several wait strategies, the same stages joined by
 * {@link ArrayBlockingQueue}s (the naive baseline, a thread per stage, plus a fused variant), and a no-op Disruptor
 * (the limit). Each run first publishes {@value #HISTORY_MINUTES} minutes of history candles per instrument (the
 * app's Parquet warm-up) so strategies signal and the portfolio fills during the measurement.
 *
 * <p>Usage: {@code java -jar benchmarks.jar latency [seconds per run, default 5] [repeats, default 1]
 * [rates, default 10000,100000]}; prints one Markdown table per repeat, then medians over the repeats, ratios to
 * the baseline and the limit, and the idle CPU cost of each wait strategy.
 */
public final class EndToEndLatency {
    static final int RING = 8192;
    static final int HISTORY_MINUTES = 300;
    /** The producer parks (freeing its core, as the feed's I/O thread sleeps in epoll) when this early. */
    private static final long PARK_THRESHOLD_NS = 80_000;
    private static final String NOOP = "no-op disruptor / yielding";
    private static final String BASELINE = "ABQ thread per stage (baseline)";

    private EndToEndLatency() {
    }

    /** One pipeline variant. */
    record Variant(String name, String kind, String threads, String waitStrategy) {
        boolean noop() {
            return "noop".equals(kind);
        }
    }

    static final List<Variant> VARIANTS = List.of(
        new Variant(NOOP, "noop", "fused", "yielding"),
        new Variant("no-op disruptor / sleeping", "noop", "fused", "sleeping"),
        new Variant("no-op disruptor / blocking", "noop", "fused", "blocking"),
        new Variant("engine fused / yielding", "disruptor", "fused", "yielding"),
        new Variant("engine fused / sleeping", "disruptor", "fused", "sleeping"),
        new Variant("engine fused / blocking", "disruptor", "fused", "blocking"),
        new Variant("engine per-stage / yielding", "disruptor", "per-stage", "yielding"),
        new Variant("engine per-stage / sleeping", "disruptor", "per-stage", "sleeping"),
        new Variant("engine per-stage / blocking", "disruptor", "per-stage", "blocking"),
        new Variant("ABQ fused (one consumer thread)", "abq-fused", "fused", "-"),
        new Variant(BASELINE, "abq-staged", "per-stage", "-"));

    static final int[] DEFAULT_RATES = {10_000, 100_000};

    /** Runs every variant at 10k and 100k events/s, {@code repeats} times, and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        final int[] rates = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt)
            .toArray() : DEFAULT_RATES;
        System.out.printf("# End-to-end latency: %.1f s per run, %d repeat(s), %d ring slots; %s%n", seconds,
            repeats, RING, Machine.describe());
        // JIT warm-up of every code path, not recorded
        run(VARIANTS.get(4), 100_000, Math.min(seconds, 2.0));
        run(VARIANTS.get(10), 20_000, Math.min(seconds, 1.0));
        run(VARIANTS.get(9), 20_000, Math.min(seconds, 1.0));
        final List<List<LatencyResult>> all = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            final String loadBefore = Machine.loadAverage();
            final LatencyResult[] slots = new LatencyResult[rates.length * VARIANTS.size()];
            for (int k = 0; k < slots.length; k++) {
                // odd repeats run in reverse order, so a drift in machine load does not always hit the same rows
                final int i = rep % 2 == 0 ? k : slots.length - 1 - k;
                final LatencyResult r = run(VARIANTS.get(i % VARIANTS.size()), rates[i / VARIANTS.size()], seconds);
                System.err.println("  " + r.row() + " " + r.summary());
                slots[i] = r;
            }
            final List<LatencyResult> results = List.of(slots);
            all.add(results);
            System.out.printf("%n## Repeat %d of %d (load average before: %s, after: %s)%n%n", rep + 1, repeats,
                loadBefore, Machine.loadAverage());
            LatencyResult.printTable(results);
        }
        final List<LatencyResult> medians = LatencyResult.medians(all);
        System.out.printf("%n## Median of %d repeat(s)%n%n", repeats);
        LatencyResult.printTable(medians);
        System.out.printf("%n## Ratios (median table): to the %s and to the no-op Disruptor with the same wait"
            + " strategy (%s for the ABQ rows)%n%n", BASELINE, NOOP);
        LatencyResult.printRatios(medians, BASELINE, NOOP);
        printIdleCpu();
        BenchStages.cleanUp();
    }

    /**
     * What each wait strategy costs while no event arrives (the usual state of a live feed: tens of trades per
     * second): CPU time of the whole process over 2 s with the real stages fused and the ring idle.
     */
    static void printIdleCpu() throws InterruptedException {
        final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%n## Idle cost: process CPU while the fused pipeline waits for events (2 s)%n%n");
        System.out.println("| wait strategy | CPU, % of one core |");
        System.out.println("|---|---:|");
        for (String wait : new String[] {"yielding", "sleeping", "blocking"}) {
            settle();
            final BenchStages stages = BenchStages.open(BenchStages.config(Map.of()));
            final Pipeline pipeline = new Pipeline(new PipelineConfig(RING, "fused", wait, 30_000),
                stages.instruments.size(), stages.handlers(), new StopSignal());
            pipeline.start();
            Thread.sleep(300);
            final long cpuBefore = os.getProcessCpuTime();
            final long wallBefore = System.nanoTime();
            Thread.sleep(2_000);
            final double percent = 100.0 * (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
            pipeline.drainAndStop(30_000);
            stages.close();
            System.out.printf(java.util.Locale.ROOT, "| %s | %.1f |%n", wait, percent);
        }
    }

    static LatencyResult run(Variant v, int rate, double seconds) throws InterruptedException {
        settle();
        final BenchStages stages = v.noop() ? null : BenchStages.open(BenchStages.config(Map.of()));
        try {
            final Instruments instruments = stages != null ? stages.instruments
                : BenchStages.config(Map.of()).instruments().build(List.of("BTC", "ETH", "ADA", "AVAX", "DOT",
                    "LINK", "MATIC", "SOL", "UNI"), "USD");
            final List<EventHandler<MarketEvent>> chain = new ArrayList<>();
            if (stages != null) {
                chain.addAll(stages.handlers());
            }
            final LatencyProbe probe = new LatencyProbe();
            chain.add(probe);
            final long trades = (long) (rate * seconds);
            probe.warmupTrades = trades / 4;
            final LatencyResult r = "disruptor".equals(v.kind()) || v.noop()
                ? runDisruptor(v, rate, trades, instruments, chain, probe)
                : runQueues(v, rate, trades, instruments, chain, probe);
            return stages == null ? r : r.withSummary(stages.summary());
        } finally {
            if (stages != null) {
                stages.close();
            }
        }
    }

    /** Lets the previous run's garbage and background threads (Parquet flush, file deletion) die down. */
    static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
    }

    /** Records planned-send-to-done latency of trades in the last stage; counts every event. */
    static final class LatencyProbe implements EventHandler<MarketEvent> {
        final Histogram histogram = new Histogram(1, 60_000_000_000L, 3);
        volatile long done;
        long warmupTrades;
        private long seen;
        private long trades;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            seen++;
            if (event.type == EventType.TRADE && ++trades > warmupTrades) {
                histogram.recordValue(Math.max(1, System.nanoTime() - event.receivedNs));
            }
            if (endOfBatch) {
                done = seen;
            }
        }
    }

    static LatencyResult runDisruptor(Variant v, int rate, long trades, Instruments instruments,
                                      List<EventHandler<MarketEvent>> chain, LatencyProbe probe) {
        final Pipeline pipeline = new Pipeline(new PipelineConfig(RING, v.threads(), v.waitStrategy(), 30_000),
            instruments.size(), chain, new StopSignal());
        pipeline.start();
        final RingPublisher publisher = pipeline.publisher();
        final SyntheticMarket market = new SyntheticMarket(instruments, 42);
        long published = 0;
        for (Candle[] history : market.history(HISTORY_MINUTES)) {
            for (Candle c : history) {
                final long seq = claim(publisher);
                final MarketEvent e = publisher.slot(seq);
                e.type = EventType.HISTORY_CANDLE;
                e.instrumentId = c.instrumentId;
                e.timestampNs = c.openTimeNs;
                e.history.copyFrom(c);
                publisher.publish(seq, seq);
                published++;
            }
        }
        final long intervalNs = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 20_000_000L;
        for (long i = 0; i < trades; i++) {
            final long planned = start + i * intervalNs;
            waitUntil(planned);
            final long seq = claim(publisher);
            final MarketEvent e = publisher.slot(seq);
            market.nextTrade(e);
            e.receivedNs = planned;
            publisher.publish(seq, seq);
            published++;
        }
        while (probe.done < published) {
            Thread.onSpinWait();
        }
        final long wallNs = System.nanoTime() - start;
        pipeline.drainAndStop(30_000);
        return new LatencyResult(v.name(), rate, probe.histogram, trades, wallNs, "");
    }

    private static long claim(RingPublisher publisher) {
        long seq;
        while ((seq = publisher.tryClaimWaiting()) < 0) {
            Thread.onSpinWait();
        }
        return seq;
    }

    /** Parks, then spins, until {@code planned} (the feed's I/O thread sleeps in epoll between frames). */
    static void waitUntil(long planned) {
        long early;
        while ((early = planned - System.nanoTime()) > 0) {
            if (early > PARK_THRESHOLD_NS) {
                LockSupport.parkNanos(early - PARK_THRESHOLD_NS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static LatencyResult runQueues(Variant v, int rate, long trades, Instruments instruments,
                                           List<EventHandler<MarketEvent>> chain, LatencyProbe probe)
        throws InterruptedException {
        final boolean fused = "abq-fused".equals(v.kind());
        final int groups = fused ? 1 : chain.size();
        final List<BlockingQueue<MarketEvent>> queues = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            queues.add(new ArrayBlockingQueue<>(RING));
        }
        final SyntheticMarket market = new SyntheticMarket(instruments, 42);
        final Candle[][] history = market.history(HISTORY_MINUTES);
        final long total = trades + (long) history.length * HISTORY_MINUTES;
        final List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            final List<EventHandler<MarketEvent>> mine = fused ? chain : List.of(chain.get(g));
            final BlockingQueue<MarketEvent> in = queues.get(g);
            final BlockingQueue<MarketEvent> out = g + 1 < groups ? queues.get(g + 1) : null;
            final Thread t = new Thread(() -> consume(mine, in, out, total), "abq-stage-" + g);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        // more slots than the queues and threads can hold, so a slot is never reused while in flight
        final MarketEvent[] pool = new MarketEvent[RING * (groups + 1)];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new MarketEvent(instruments.size());
        }
        long n = 0;
        for (Candle[] perInstrument : history) {
            for (Candle c : perInstrument) {
                final MarketEvent e = pool[(int) (n++ % pool.length)];
                e.clear();
                e.type = EventType.HISTORY_CANDLE;
                e.instrumentId = c.instrumentId;
                e.timestampNs = c.openTimeNs;
                e.history.copyFrom(c);
                queues.get(0).put(e);
            }
        }
        final long intervalNs = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 20_000_000L;
        for (long i = 0; i < trades; i++) {
            final long planned = start + i * intervalNs;
            waitUntil(planned);
            final MarketEvent e = pool[(int) (n++ % pool.length)];
            e.clear();
            market.nextTrade(e);
            e.receivedNs = planned;
            queues.get(0).put(e);
        }
        while (probe.done < total) {
            Thread.onSpinWait();
        }
        final long wallNs = System.nanoTime() - start;
        for (Thread t : threads) {
            t.join();
        }
        return new LatencyResult(v.name(), rate, probe.histogram, trades, wallNs, "");
    }

    private static void consume(List<EventHandler<MarketEvent>> handlers, BlockingQueue<MarketEvent> in,
                                BlockingQueue<MarketEvent> out, long total) {
        for (EventHandler<MarketEvent> h : handlers) {
            h.onStart();
        }
        try {
            for (long i = 0; i < total; i++) {
                final MarketEvent e = in.take();
                final boolean endOfBatch = in.isEmpty();
                for (EventHandler<MarketEvent> h : handlers) {
                    h.onEvent(e, i, endOfBatch);
                }
                if (out != null) {
                    out.put(e);
                }
            }
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        for (EventHandler<MarketEvent> h : handlers) {
            h.onShutdown();
        }
    }
}
