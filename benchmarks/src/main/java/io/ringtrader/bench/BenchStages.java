package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The engine's real stages, built the way the app wires them, over a temporary journal. */
final class BenchStages {
    static final Instruments INSTRUMENTS =
        Instruments.of(List.of("BTC", "ETH", "ADA", "AVAX", "DOT", "LINK", "MATIC", "SOL", "UNI"), "USD");
    private static final List<Path> TEMP = new ArrayList<>();
    private static final List<Journal> JOURNALS = new ArrayList<>();

    private BenchStages() {
    }

    static List<EventHandler<MarketEvent>> engineStages() {
        final List<EventHandler<MarketEvent>> stages = new ArrayList<>();
        stages.add(new JournalHandler(journal()));
        return stages;
    }

    static synchronized Journal journal() {
        try {
            final Path dir = Files.createTempDirectory("ringtrader-bench-journal");
            TEMP.add(dir);
            final Journal journal = Journal.open(dir);
            JOURNALS.add(journal);
            return journal;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized void cleanUp() throws IOException {
        for (Journal j : JOURNALS) {
            j.close();
        }
        for (Path dir : TEMP) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
