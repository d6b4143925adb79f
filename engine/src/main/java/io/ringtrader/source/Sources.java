package io.ringtrader.source;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses and builds the market data source named by {@code feed.source}. */
public final class Sources {
    private Sources() {
    }

    public static MarketDataSource create(EngineConfig config, Instruments instruments, Path dataDir) {
        switch (config.feed().source()) {
            case JOURNAL -> {
                final String dir = config.feed().journalDir();
                if (dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
                    throw new ConfigException("feed.journal_dir", "--feed journal needs --journal DIR, an existing"
                        + " journal directory; got '" + dir + "'");
                }
                if (Path.of(dir).toAbsolutePath().normalize().equals(
                    dataDir.resolve("journal").toAbsolutePath().normalize())) {
                    throw new ConfigException("feed.journal_dir", "'" + dir + "' is this process's own journal;"
                        + " run the trading process with its own --data-dir");
                }
                final Journal journal = Journal.openReadOnly(Path.of(dir));
                return new ClosingSource(JournalSource.tail(journal,
                    config.pipeline().backgroundIdle()), journal);
            }
            default -> {
                try {
                    return FeedSource.create(config, instruments);
                } catch (java.io.IOException e) {
                    throw new ConfigException("feed.replay_file", "cannot be read: " + e.getMessage());
                }
            }
        }
    }

    /** A source that also closes a resource it owns. */
    public record ClosingSource(MarketDataSource inner, AutoCloseable resource) implements MarketDataSource {
        @Override
        public void start(io.ringtrader.event.RingPublisher publisher) throws Exception {
            inner.start(publisher);
        }

        @Override
        public void onFailure(java.util.function.Consumer<String> handler) {
            inner.onFailure(handler);
        }

        @Override
        public String summary() {
            return inner.summary();
        }

        @Override
        public void close() {
            inner.close();
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
