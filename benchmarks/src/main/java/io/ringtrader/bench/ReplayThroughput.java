package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.pipeline.Pipeline;
import io.ringtrader.pipeline.StopSignal;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.event.TradeFlags;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Replay throughput: events per second through the full fused pipeline (the real stages of {@link BenchStages})
 * as fast as the producer can publish. Three sources, each run {@code repeats} times after a warm-up run:
 * <ul>
 *   <li>{@code journal}: a recorded journal (written first: history candles then synthetic trades) read with a
 *   {@link JournalReader} and published the way the app's {@code JournalSource} does (waiting for room), the
 *   stages journaling everything again into a fresh journal (a replay into a new data folder);</li>
 *   <li>{@code recovery}: the same but flagged {@link TradeFlags#REPLAYED}, so the journal stages skip appends
 *   (crash recovery from the engine's own journal);</li>
 *   <li>{@code memory}: pre-built events from primitive arrays, journaling on: the pipeline alone.</li>
 * </ul>
 * Usage: {@code java -jar benchmarks.jar replay [events, default 2000000] [repeats, default 3]
 * [wait strategy, default sleeping]}. Target: at least 1M events/s.
 */
public final class ReplayThroughput {
    private static final int RING = 8192;

    private ReplayThroughput() {
    }

    /** Counts events that went through every stage (the app's session-control stage does the same). */
    static final class Counter implements EventHandler<MarketEvent> {
        volatile long processed;
        private long seen;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            seen++;
            if (endOfBatch) {
                processed = seen;
            }
        }
    }

    /** Pre-built synthetic trades, as primitive columns. */
    static final class Tape {
        final Candle[][] history;
        final int[] instrument;
        final long[] timestampNs;
        final long[] priceE8;
        final long[] sizeE8;
        final long[] tradeId;
        final byte[] side;

        Tape(SyntheticMarket market, int trades) {
            history = market.history(EndToEndLatency.HISTORY_MINUTES);
            instrument = new int[trades];
            timestampNs = new long[trades];
            priceE8 = new long[trades];
            sizeE8 = new long[trades];
            tradeId = new long[trades];
            side = new byte[trades];
            final MarketEvent e = new MarketEvent(1);
            for (int i = 0; i < trades; i++) {
                e.clear();
                market.nextTrade(e);
                instrument[i] = e.instrumentId;
                timestampNs[i] = e.timestampNs;
                priceE8[i] = e.priceE8;
                sizeE8[i] = e.sizeE8;
                tradeId[i] = e.tradeId;
                side[i] = e.side;
            }
        }

        int events() {
            return history.length * history[0].length + instrument.length;
        }
    }

    /** Runs the three sources and prints a Markdown table of events per second. */
    public static void main(String[] args) {
        final int trades = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final String wait = args.length > 2 ? args[2] : "sleeping";
        System.out.printf("# Replay throughput: %d trades (+ history), fused, %s wait, %d repeat(s); %s%n", trades,
            wait, repeats, Machine.describe());
        final BenchStages probe = BenchStages.open(BenchStages.config(Map.of()));
        final Tape tape = new Tape(new SyntheticMarket(probe.instruments, 42), trades);
        probe.close();
        final Journal recorded = BenchStages.journal();
        writeJournal(recorded, tape);
        run("memory", tape, recorded, wait); // warm-up, not reported
        final String[] sources = {"journal", "recovery", "memory"};
        final double[][] rates = new double[sources.length][repeats];
        final String[] summaries = new String[sources.length];
        final String loadBefore = Machine.loadAverage();
        for (int rep = 0; rep < repeats; rep++) {
            for (int s = 0; s < sources.length; s++) {
                final String[] summary = new String[1];
                rates[s][rep] = run(sources[s], tape, recorded, wait, summary);
                summaries[s] = summary[0];
                System.err.printf(Locale.ROOT, "  %-8s %,12.0f events/s  %s%n", sources[s], rates[s][rep],
                    summary[0]);
            }
        }
        System.out.printf("%nLoad average before: %s, after: %s%n%n", loadBefore, Machine.loadAverage());
        System.out.println("| source | events | median events/s | min | max | runs | stages did |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (int s = 0; s < sources.length; s++) {
            final double[] r = rates[s].clone();
            Arrays.sort(r);
            final double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.0f | %d | %s |",
                sources[s], tape.events(), median, r[0], r[r.length - 1], r.length, summaries[s]));
        }
        BenchStages.cleanUp();
    }

    private static void writeJournal(Journal journal, Tape tape) {
        final MarketEvent e = new MarketEvent(1);
        try (Journal.Writer w = journal.writer()) {
            for (Candle[] perInstrument : tape.history) {
                for (Candle c : perInstrument) {
                    history(e, c);
                    w.appendInput(e);
                }
            }
            for (int i = 0; i < tape.instrument.length; i++) {
                trade(e, tape, i);
                w.appendInput(e);
            }
        }
    }

    private static double run(String source, Tape tape, Journal recorded, String wait) {
        return run(source, tape, recorded, wait, new String[1]);
    }

    private static double run(String source, Tape tape, Journal recorded, String wait, String[] summary) {
        try {
            EndToEndLatency.settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        final BenchStages stages = BenchStages.open(BenchStages.config(Map.of()));
        try {
            final List<EventHandler<MarketEvent>> chain = new ArrayList<>(stages.handlers());
            final Counter counter = new Counter();
            chain.add(counter);
            final Pipeline pipeline = new Pipeline(new PipelineConfig(RING, "fused", wait, 60_000),
                stages.instruments.size(), chain, new StopSignal());
            pipeline.start();
            final RingPublisher publisher = pipeline.publisher();
            final long start = System.nanoTime();
            long published = 0;
            if ("memory".equals(source)) {
                for (Candle[] perInstrument : tape.history) {
                    for (Candle c : perInstrument) {
                        final long seq = claim(publisher);
                        history(publisher.slot(seq), c);
                        publisher.publish(seq, seq);
                        published++;
                    }
                }
                for (int i = 0; i < tape.instrument.length; i++) {
                    final long seq = claim(publisher);
                    final MarketEvent slot = publisher.slot(seq);
                    trade(slot, tape, i);
                    slot.receivedNs = System.nanoTime();
                    publisher.publish(seq, seq);
                    published++;
                }
            } else {
                final boolean replayed = "recovery".equals(source);
                final JournalRecord record = new JournalRecord();
                try (JournalReader reader = recorded.reader()) {
                    while (reader.next(record)) {
                        if (record.type != RecordType.INPUT) {
                            continue;
                        }
                        final long seq = claim(publisher);
                        final MarketEvent slot = publisher.slot(seq);
                        slot.copyInputFrom(record.input);
                        slot.receivedNs = System.nanoTime();
                        slot.journalIndex = record.index;
                        if (replayed) {
                            slot.flags |= TradeFlags.REPLAYED;
                        }
                        publisher.publish(seq, seq);
                        published++;
                    }
                }
            }
            while (counter.processed < published) {
                LockSupport.parkNanos(50_000);
            }
            final long elapsedNs = System.nanoTime() - start;
            pipeline.drainAndStop(60_000);
            summary[0] = stages.summary();
            return published * 1e9 / elapsedNs;
        } finally {
            stages.close();
        }
    }

    /** Claims a slot, waiting for room the way the app's journal source does. */
    private static long claim(RingPublisher publisher) {
        long seq;
        while ((seq = publisher.tryClaimWaiting()) < 0) {
            LockSupport.parkNanos(20_000);
        }
        return seq;
    }

    private static void history(MarketEvent e, Candle c) {
        e.clear();
        e.type = EventType.HISTORY_CANDLE;
        e.instrumentId = c.instrumentId;
        e.timestampNs = c.openTimeNs;
        e.history.copyFrom(c);
    }

    private static void trade(MarketEvent e, Tape tape, int i) {
        e.type = EventType.TRADE;
        e.instrumentId = tape.instrument[i];
        e.timestampNs = tape.timestampNs[i];
        e.priceE8 = tape.priceE8[i];
        e.sizeE8 = tape.sizeE8[i];
        e.tradeId = tape.tradeId[i];
        e.side = tape.side[i];
        e.feedSequence = tape.tradeId[i];
    }
}
