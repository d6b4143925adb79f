package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.feed.BurstFeed;
import io.ringtrader.journal.RecordType;
import io.ringtrader.pipeline.Pipeline;
import io.ringtrader.pipeline.StopSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;

/**
 * Open-loop level2 burst, end to end: Advanced Trade {@code l2_data} update frames ({@link Level2BurstFrames})
 * sent at a fixed rate of level changes, each frame stamped with its <em>planned</em> send time, decoded and
 * applied by the feed's real decoder and books ({@link BurstFeed}) on the producer thread, which publishes the
 * changed tops as QUOTE events into the engine's real ring and stage chain (the Chronicle Queue journal first,
 * {@link BenchStages}, default configuration). Two latencies, both from the planned send time (coordinated-omission
 * safe, as {@link EndToEndLatency}): every update applied to its book (producer), and every quote through the last
 * stage. The same producer and frames into a ring with no stage (the no-op ring, the limit) run in the same process,
 * interleaved. The journal's keep-up: the ring's fill (published minus processed) after every frame, quotes the full
 * ring refused, and the journal read back after the run (every quote in it, bytes per update).
 *
 * <p>Usage: {@code java -jar benchmarks.jar level2-burst [seconds, default 5] [repeats, default 3]
 * [rates in level changes/s, default 10000,50000,100000] [levels per frame, default 1]}.
 */
public final class Level2Burst {
    static final String NOOP = "no-op ring";
    static final String ENGINE = "engine chain";
    static final int[] DEFAULT_RATES = {10_000, 50_000, 100_000};

    private Level2Burst() {
    }

    /** One run's figures: both latencies and the keep-up evidence. */
    record Result(LatencyResult quotes, LatencyResult applied, KeepUp keepUp) {
    }

    /**
     * How the ring and the journal kept up in one run.
     *
     * @param updates      level changes sent (warm-up included)
     * @param quotes       QUOTE events the feed published
     * @param quoteDrops   quotes the full ring refused (the feed never waits)
     * @param maxInFlight  most events published but not yet through every stage, sampled after each frame
     * @param p999InFlight the same at the 99.9th percentile of frames
     * @param journaled    QUOTE inputs read back from the journal (-1: no journal)
     * @param journalBytes bytes of every journal entry read back, Chronicle's 4-byte headers included
     * @param problems     rejects, gaps, crossings and dropped levels (0 when every frame applied)
     */
    record KeepUp(String name, int rate, long updates, long quotes, long quoteDrops, long maxInFlight,
                  long p999InFlight, long journaled, long journalBytes, long problems) {
        String row() {
            return String.format(Locale.ROOT, "| %-13s | %7d | %9d | %8d | %5d | %6d | %6d | %9s | %6s |", name, rate,
                updates, quotes, quoteDrops, p999InFlight, maxInFlight, journaled < 0 ? "-" : journaled + "",
                journaled < 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) journalBytes / updates));
        }
    }

    /** Runs the no-op ring and the engine chain at each rate, {@code repeats} times; prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int[] rates = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt)
            .toArray() : DEFAULT_RATES;
        final int levels = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        final EngineConfig config = BenchStages.config(Map.of());
        final Level2BurstFrames frames = new Level2BurstFrames(200_000, levels, 42);
        System.out.printf("# Level2 burst: %.1f s per run, %d repeat(s), %d level(s) per frame, %d frames a cycle,"
                + " ring %d %s/%s; %s%n", seconds, repeats, levels, frames.frames(), config.pipeline().ringSize(),
            config.pipeline().threads(), config.pipeline().waitStrategy(), Machine.describe());
        run(true, config, frames, 50_000, Math.min(seconds, 2.0)); // JIT warm-up, not recorded
        run(false, config, frames, 50_000, Math.min(seconds, 1.0));
        final List<List<LatencyResult>> all = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            final String loadBefore = Machine.loadAverage();
            final List<LatencyResult> latencies = new ArrayList<>();
            final List<KeepUp> keepUps = new ArrayList<>();
            for (int rate : rates) {
                final Result[] pair = new Result[2];
                for (int k = 0; k < 2; k++) {
                    final int v = rep % 2 == 0 ? k : 1 - k; // alternate the order so load drift hits both
                    pair[v] = run(v == 1, config, frames, rate, seconds);
                    System.err.println("  " + pair[v].quotes().row() + " " + pair[v].keepUp().row() + " "
                        + pair[v].quotes().summary());
                }
                for (Result r : pair) {
                    latencies.add(r.applied());
                    latencies.add(r.quotes());
                    keepUps.add(r.keepUp());
                }
            }
            all.add(latencies);
            System.out.printf("%n## Repeat %d of %d (load average before: %s, after: %s)%n%n", rep + 1, repeats,
                loadBefore, Machine.loadAverage());
            LatencyResult.printTable(latencies);
            System.out.println();
            printKeepUp(keepUps);
        }
        System.out.printf("%n## Median of %d repeat(s)%n%n", repeats);
        LatencyResult.printTable(LatencyResult.medians(all));
        BenchStages.cleanUp();
    }

    static void printKeepUp(List<KeepUp> rows) {
        System.out.println("| ring | rate/s | updates | quotes | ring full | fill p99.9 | fill max | journaled"
            + " quotes | journal B/update |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (KeepUp k : rows) {
            System.out.println(k.row());
        }
    }

    /** One run: the engine chain ({@code engine}) or the no-op ring, at {@code rate} level changes a second. */
    static Result run(boolean engine, EngineConfig config, Level2BurstFrames frames, int rate, double seconds)
        throws InterruptedException {
        EndToEndLatency.settle();
        final BenchStages stages = engine ? BenchStages.open(config) : null;
        try {
            final Instruments instruments = stages != null ? stages.instruments
                : config.instruments().build(config.symbols(), config.quoteCurrency());
            final QuoteProbe probe = new QuoteProbe();
            final List<EventHandler<MarketEvent>> chain = new ArrayList<>();
            if (stages != null) {
                chain.addAll(stages.handlers());
            }
            chain.add(probe);
            final Pipeline pipeline = new Pipeline(config.pipeline(), instruments.size(), chain, new StopSignal());
            pipeline.start();
            final BurstFeed feed = new BurstFeed(config.feed(), instruments, pipeline.publisher());
            final Result r = burst(engine ? ENGINE : NOOP, pipeline, feed, frames, probe, rate, seconds,
                stages == null ? null : stages.dataDir.resolve("journal"));
            return stages == null ? r : new Result(r.quotes().withSummary(stages.summary()), r.applied(), r.keepUp());
        } finally {
            if (stages != null) {
                stages.close();
            }
        }
    }

    private static Result burst(String name, Pipeline pipeline, BurstFeed feed, Level2BurstFrames frames,
                                QuoteProbe probe, int rate, double seconds, Path journalDir) {
        frames.sendSnapshots(feed, System.nanoTime());
        final Histogram applied = new Histogram(1, 60_000_000_000L, 3);
        final Histogram inFlight = new Histogram(1, 1L << 24, 3);
        final long target = (long) (rate * seconds);
        final double intervalNs = 1e9 * frames.levelsPerFrame() / rate;
        final long start = System.nanoTime() + 50_000_000L; // the snapshots go through the ring first
        final long warmUntil = start + (long) (seconds * 0.25e9); // a quarter of each run is warm-up
        probe.recordFrom = warmUntil;
        long sent = 0;
        for (long i = 0; sent < target; i++) {
            final long planned = start + (long) (i * intervalNs);
            EndToEndLatency.waitUntil(planned);
            sent += frames.sendNext(feed, planned);
            final long now = System.nanoTime();
            if (planned >= warmUntil) {
                applied.recordValue(Math.max(1, now - planned));
                inFlight.recordValue(pipeline.lastPublished() - pipeline.processedThrough());
            }
        }
        while (probe.done < pipeline.publisher().published()) {
            Thread.onSpinWait();
        }
        final long wallNs = System.nanoTime() - start;
        pipeline.drainAndStop(30_000);
        final long[] journal = journalDir == null ? new long[] {-1, 0} : readBack(journalDir);
        final KeepUp keepUp = new KeepUp(name, rate, sent, feed.quotes(), feed.quoteDrops(), inFlight.getMaxValue(),
            inFlight.getValueAtPercentile(99.9), journal[0], journal[1], feed.problems());
        final String books = feed.summary() + "; BTC-USD " + feed.levels(0, true) + "/" + feed.levels(0, false)
            + " levels";
        return new Result(new LatencyResult(name + ": quote at last stage", rate, probe.histogram, sent, wallNs,
            books), new LatencyResult(name + ": update applied", rate, applied, sent, wallNs, books), keepUp);
    }

    /** The journal read back: QUOTE inputs in it, and the bytes of all its entries (headers included). */
    static long[] readBack(Path dir) {
        long quotes = 0;
        long bytes = 0;
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).rollCycle(RollCycles.FAST_DAILY)
            .readOnly(true).build()) {
            final ExcerptTailer tailer = queue.createTailer();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    final Bytes<?> b = dc.wire().bytes();
                    bytes += b.readRemaining() + 4;
                    if (b.readByte() == RecordType.INPUT && b.readByte() == EventType.QUOTE) {
                        quotes++;
                    }
                }
            }
        }
        return new long[] {quotes, bytes};
    }

    /** The last stage: records planned-send-to-here of every QUOTE after the warm-up; counts every event. */
    static final class QuoteProbe implements EventHandler<MarketEvent> {
        final Histogram histogram = new Histogram(1, 60_000_000_000L, 3);
        volatile long done;
        long recordFrom = Long.MAX_VALUE;
        private long seen;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            seen++;
            if (event.type == EventType.QUOTE && event.receivedNs >= recordFrom) {
                histogram.recordValue(Math.max(1, System.nanoTime() - event.receivedNs));
            }
            if (endOfBatch) {
                done = seen;
            }
        }
    }
}
