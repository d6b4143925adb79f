package io.ringtrader.bench;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalHandler;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The journal stage: one trade appended to Chronicle Queue per call (expect ~0 B/op with {@code -prof gc}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.E1, JvmFlags.E2, JvmFlags.E3, JvmFlags.E4, JvmFlags.O1, JvmFlags.O2,
    JvmFlags.O3, JvmFlags.O4, JvmFlags.O5, JvmFlags.O6, JvmFlags.O7, JvmFlags.A})
public class JournalAppendBenchmark {
    private Journal journal;
    private JournalHandler handler;
    private final MarketEvent event = new MarketEvent(9);
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() {
        journal = BenchStages.journal();
        handler = new JournalHandler(journal);
        handler.onStart();
        event.clear();
        event.type = EventType.TRADE;
        event.instrumentId = 3;
        event.priceE8 = 6_508_367_000_000L;
        event.sizeE8 = 1_034_361L;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        handler.onShutdown();
        BenchStages.cleanUp();
    }

    @Benchmark
    public long appendTrade() {
        event.tradeId = ++sequence;
        event.timestampNs = sequence * 1_000_000L;
        handler.onEvent(event, sequence, true);
        return event.journalIndex;
    }
}
