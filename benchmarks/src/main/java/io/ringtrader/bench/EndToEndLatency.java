package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.app.Pipeline;
import io.ringtrader.app.StopSignal;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Open-loop, coordinated-omission-safe end-to-end latency: a producer publishes synthetic trades at a fixed rate,
 * stamping each with its <em>planned</em> send time; the last stage records now - planned into an HdrHistogram.
 * A late producer therefore shows up as latency instead of being hidden (the closed-loop JMH trap). Compares the
 * engine's pipeline (fused and per-stage, several wait strategies) with the same stages joined by
 * {@link ArrayBlockingQueue}s (the naive baseline) and a no-op Disruptor (the limit), in one run.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.ringtrader.bench.EndToEndLatency [seconds]}.
 */
public final class EndToEndLatency {
    private static final int RING = 8192;

    private EndToEndLatency() {
    }

    /** One configuration's result. */
    record Result(String name, int rate, Histogram histogram, long sent, long wallNs) {
        String row() {
            return String.format(Locale.ROOT, "| %-34s | %7d | %9.1f | %9.1f | %9.1f | %10.1f | %9.0f |", name, rate,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0,
                sent * 1e9 / wallNs);
        }
    }

    /** Runs every configuration at 10k and 100k events/s and prints a Markdown table (microseconds). */
    public static void main(String[] args) throws Exception {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4.0;
        final List<Result> results = new ArrayList<>();
        final Supplier<List<EventHandler<MarketEvent>>> stages = BenchStages::engineStages;
        for (int rate : new int[] {10_000, 100_000}) {
            results.add(runDisruptor("no-op disruptor (limit)", rate, seconds, "fused", "yielding",
                List::of));
            results.add(runDisruptor("engine fused / yielding", rate, seconds, "fused", "yielding", stages));
            results.add(runDisruptor("engine fused / sleeping", rate, seconds, "fused", "sleeping", stages));
            results.add(runDisruptor("engine fused / blocking", rate, seconds, "fused", "blocking", stages));
            results.add(runDisruptor("engine per-stage / sleeping", rate, seconds, "per-stage", "sleeping",
                stages));
            results.add(runDisruptor("engine per-stage / yielding", rate, seconds, "per-stage", "yielding",
                stages));
            results.add(runQueues("ArrayBlockingQueue stages (baseline)", rate, seconds, stages));
        }
        System.out.println("| pipeline | rate/s | p50 us | p99 us | p99.9 us | max us | achieved/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.println(r.row());
        }
        BenchStages.cleanUp();
    }

    /** Records planned-send-to-done latency in the last stage. */
    static final class LatencyProbe implements EventHandler<MarketEvent> {
        final Histogram histogram = new Histogram(1, 60_000_000_000L, 3);
        volatile long done;
        long warmupEvents;
        long seen;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            if (++seen > warmupEvents) {
                histogram.recordValue(Math.max(1, System.nanoTime() - event.receivedNs));
            }
            if (endOfBatch) {
                done = seen;
            }
        }
    }

    static Result runDisruptor(String name, int rate, double seconds, String threads, String wait,
                               Supplier<List<EventHandler<MarketEvent>>> stages) {
        final LatencyProbe probe = new LatencyProbe();
        final List<EventHandler<MarketEvent>> chain = new ArrayList<>(stages.get());
        chain.add(probe);
        final Pipeline pipeline = new Pipeline(new PipelineConfig(RING, threads, wait, 30_000),
            BenchStages.INSTRUMENTS.size(), chain, new StopSignal());
        pipeline.start();
        final long total = (long) (rate * seconds);
        probe.warmupEvents = total / 4;
        final RingPublisher publisher = pipeline.publisher();
        final SyntheticTrades trades = new SyntheticTrades(42);
        final long intervalNs = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            final long planned = start + i * intervalNs;
            while (System.nanoTime() < planned) {
                Thread.onSpinWait();
            }
            long seq;
            while ((seq = publisher.tryClaimWaiting()) < 0) {
                Thread.onSpinWait();
            }
            final MarketEvent e = publisher.slot(seq);
            trades.next(e);
            e.receivedNs = planned;
            publisher.publish(seq, seq);
        }
        while (probe.done < total) {
            Thread.onSpinWait();
        }
        final long wallNs = System.nanoTime() - start;
        pipeline.drainAndStop(30_000);
        return new Result(name, rate, probe.histogram, total, wallNs);
    }

    static Result runQueues(String name, int rate, double seconds,
                            Supplier<List<EventHandler<MarketEvent>>> stages) throws InterruptedException {
        final List<EventHandler<MarketEvent>> chain = new ArrayList<>(stages.get());
        final LatencyProbe probe = new LatencyProbe();
        chain.add(probe);
        final int n = chain.size();
        final List<BlockingQueue<MarketEvent>> queues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queues.add(new ArrayBlockingQueue<>(RING));
        }
        final long total = (long) (rate * seconds);
        probe.warmupEvents = total / 4;
        final List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            final int stage = s;
            final Thread t = new Thread(() -> {
                final EventHandler<MarketEvent> handler = chain.get(stage);
                handler.onStart();
                try {
                    for (long i = 0; i < total; i++) {
                        final MarketEvent e = queues.get(stage).take();
                        handler.onEvent(e, i, queues.get(stage).isEmpty());
                        if (stage + 1 < n) {
                            queues.get(stage + 1).put(e);
                        }
                    }
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                handler.onShutdown();
            }, "abq-stage-" + s);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        // A pool larger than everything the queues can hold, so a slot is never reused while in flight.
        final MarketEvent[] pool = new MarketEvent[RING * (n + 1)];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new MarketEvent(BenchStages.INSTRUMENTS.size());
        }
        final SyntheticTrades trades = new SyntheticTrades(42);
        final long intervalNs = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            final long planned = start + i * intervalNs;
            while (System.nanoTime() < planned) {
                Thread.onSpinWait();
            }
            final MarketEvent e = pool[(int) (i % pool.length)];
            e.clear();
            trades.next(e);
            e.receivedNs = planned;
            queues.get(0).put(e);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(name, rate, probe.histogram, total, System.nanoTime() - start);
    }

    /** Deterministic synthetic trades: 9 instruments, a random walk, exchange time advancing 10 ms a trade. */
    static final class SyntheticTrades {
        private final java.util.SplittableRandom random;
        private final long[] priceE8;
        private long timestampNs = 1_767_571_200_000_000_000L;
        private long tradeId;

        SyntheticTrades(long seed) {
            random = new java.util.SplittableRandom(seed);
            priceE8 = new long[BenchStages.INSTRUMENTS.size()];
            for (int i = 0; i < priceE8.length; i++) {
                final long ref = BenchStages.INSTRUMENTS.get(i).referencePriceE8();
                priceE8[i] = ref > 0 ? ref : 100_000_000L;
            }
        }

        void next(MarketEvent e) {
            final int id = random.nextInt(priceE8.length);
            final long inc = Math.max(1, BenchStages.INSTRUMENTS.get(id).priceIncrementE8());
            final long step = (random.nextInt(3) - 1) * inc * (1 + random.nextInt(5));
            priceE8[id] = Math.max(inc * 100, priceE8[id] + step);
            timestampNs += 10_000_000L;
            e.type = EventType.TRADE;
            e.instrumentId = id;
            e.timestampNs = timestampNs;
            e.priceE8 = priceE8[id];
            e.sizeE8 = 1_000_000L + random.nextInt(10_000_000);
            e.tradeId = ++tradeId;
        }
    }
}
