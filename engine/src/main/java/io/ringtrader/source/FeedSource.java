package io.ringtrader.source;

import io.ringtrader.config.FeedSourceKind;
import io.ringtrader.config.FeedProtocol;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.exchange.LoopbackExchange;
import io.ringtrader.feed.FeedClient;
import io.ringtrader.feed.FeedResume;
import io.ringtrader.feed.FeedStats;
import io.ringtrader.feed.Level2Books;
import io.ringtrader.feed.RejectReason;
import io.ringtrader.metrics.Counters;
import org.apache.logging.log4j.LogManager;

/**
 * The network feed as a source: the Netty client connected to Coinbase, or to the built-in loopback exchange
 * (which this source then owns: started first, closed last). Everything after the socket is the live path.
 */
public final class FeedSource implements MarketDataSource {
    private final FeedConfig feedConfig;
    private final Instruments instruments;
    private final ExchangeFactory exchangeFactory;
    private volatile LoopbackExchange exchange;
    private long continueAfterNs = Long.MIN_VALUE;
    private FeedResume resume;
    private volatile FeedClient client;

    /**
     * A feed to {@code feedConfig}'s endpoint, or to a built-in exchange made by {@code exchangeFactory} (given the
     * exchange time the market should start after, {@code Long.MIN_VALUE} for its configured start, and what the
     * engine saw before a restart, or null).
     */
    FeedSource(FeedConfig feedConfig, Instruments instruments, ExchangeFactory exchangeFactory) {
        this.feedConfig = feedConfig;
        this.instruments = instruments;
        this.exchangeFactory = exchangeFactory;
    }

    /**
     * A restarted session continues its simulated market or tape after the last exchange time of its journal
     * instead of serving the same hours again (which would all be late for candles already closed).
     */
    public void continueAfter(long exchangeTimeNs) {
        this.continueAfterNs = exchangeTimeNs;
    }

    /** Makes the built-in exchange for a session; {@code resume} is null on a fresh journal. */
    @FunctionalInterface
    interface ExchangeFactory {
        LoopbackExchange create(long continueAfterNs, FeedResume resume);
    }

    /**
     * A restart: the trades the journal already holds count as published, so Coinbase's resent snapshot is not
     * merged twice and trades missed while down show as a gap (before {@link #start}).
     */
    public void resumeFrom(FeedResume memory) {
        this.resume = memory;
    }

    @Override
    public void start(RingPublisher publisher) throws Exception {
        FeedConfig effective = feedConfig;
        if (exchangeFactory != null) {
            exchange = exchangeFactory.create(continueAfterNs, resume);
            exchange.start();
            LogManager.getLogger(FeedSource.class).info("Built-in exchange listening on {}", exchange.url());
            effective = feedConfig.withEndpoint(FeedProtocol.ADVANCED_TRADE, exchange.url());
        }
        final FeedClient c = new FeedClient(effective, instruments, publisher);
        if (resume != null) {
            c.resumeFrom(resume);
        }
        client = c;
        c.start();
    }

    /** Reconnections of the feed so far (0 before it started); any thread. */
    public long reconnects() {
        return stats(FeedStats::reconnects);
    }

    /** Registers the feed's counters (read at scrape/log time). */
    public void registerCounters(Counters counters) {
        counters.add("ringtrader_feed_frames_total", "WebSocket frames received", () -> stats(FeedStats::frames));
        counters.add("ringtrader_trades_total", "Trades published into the ring", () -> stats(FeedStats::trades));
        counters.add("ringtrader_feed_duplicates_total", "Repeated trades dropped (snapshots after reconnects)",
            () -> stats(FeedStats::duplicates));
        counters.add("ringtrader_feed_gaps_total", "Gaps detected (sequence or trade id jumps)",
            () -> stats(FeedStats::gaps));
        counters.add("ringtrader_feed_reconnects_total", "Reconnections", () -> stats(FeedStats::reconnects));
        counters.add("ringtrader_feed_read_pauses_total", "Times reading paused because the ring was nearly full",
            () -> stats(FeedStats::readPauses));
        counters.add("ringtrader_ring_drops_total", "Events dropped because the ring was full",
            () -> stats(FeedStats::drops));
        if (feedConfig.level2().enabled()) {
            counters.add("ringtrader_level2_resubscribes_total",
                "Level2 resubscribes for fresh snapshots after the books were lost on a live connection",
                () -> stats(FeedStats::booksResubscribes));
            Level2Books.registerCounters(counters, () -> {
                final FeedClient c = client;
                return c == null ? null : c.books();
            });
        }
        for (RejectReason reason : RejectReason.values()) {
            counters.add("ringtrader_feed_rejects_total", "Frames or trades rejected, by reason", "reason",
                reason.name().toLowerCase(java.util.Locale.ROOT), () -> {
                    final FeedClient c = client;
                    return c == null ? 0 : c.stats().rejects(reason);
                });
        }
    }

    /** The connection state ({@code CONNECTED}, {@code RECONNECTING}, ...), for the dashboard. */
    public String connectionState() {
        final FeedClient c = client;
        return c == null ? "NOT_STARTED" : c.stats().state().name();
    }

    private long stats(java.util.function.ToLongFunction<FeedStats> f) {
        final FeedClient c = client;
        return c == null ? 0 : f.applyAsLong(c.stats());
    }

    @Override
    public String summary() {
        final FeedClient c = client;
        final String feed = c == null ? "feed not started" : c.stats().summary();
        return exchange == null ? feed : feed + "; exchange sent " + exchange.tradesSent() + " trades in "
            + exchange.framesSent() + " frames";
    }

    @Override
    public void close() {
        final FeedClient c = client;
        if (c != null) {
            c.close();
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    private static long[] lastTradeIds(FeedResume resumed, int instruments) {
        final long[] ids = new long[instruments];
        for (int i = 0; i < instruments; i++) {
            ids[i] = resumed == null ? -1 : resumed.lastTradeId(i);
        }
        return ids;
    }

    /** Refuses a bad {@code feed.url} for the Coinbase feed (sim and replay connect to their own loopback server). */
    public static void checkEndpoint(FeedConfig feed) {
        if (feed.source() == FeedSourceKind.COINBASE) {
            FeedClient.checkEndpoint(feed.effectiveUrl());
        }
    }

    /** Builds the source for {@code feed.source} = coinbase, sim or replay. */
    static FeedSource create(EngineConfig config, Instruments instruments) throws java.io.IOException {
        final FeedConfig feed = config.feed();
        return switch (feed.source()) {
            case SIM -> new FeedSource(feed, instruments, (after, resumed) -> new LoopbackExchange(instruments,
                new io.ringtrader.exchange.MarketSimulator(instruments, feed.seed(), feed.simHours(),
                    config.exchange().simStartNs()).resumeAfter(after).continueTradeIdsAfter(lastTradeIds(resumed,
                    instruments.size())),
                io.ringtrader.exchange.ExchangeOptions.from(config.exchange(), feed.speed())));
            case REPLAY -> {
                if (feed.replayFile().isBlank()) {
                    throw new io.ringtrader.config.ConfigException("feed.replay_file",
                        "--feed replay needs --replay-file FILE (e.g. data/sample/btc-usd-2016-10-07.jsonl)");
                }
                final java.nio.file.Path tape = java.nio.file.Path.of(feed.replayFile());
                if (!java.nio.file.Files.isRegularFile(tape)) {
                    throw new io.ringtrader.config.ConfigException("feed.replay_file", "no such file: " + tape);
                }
                final io.ringtrader.exchange.TapeSource tapeSource = new io.ringtrader.exchange.TapeSource(
                    instruments, tape);
                yield new FeedSource(feed, instruments, (after, resumed) -> new LoopbackExchange(instruments,
                    after == Long.MIN_VALUE ? tapeSource : new io.ringtrader.exchange.ResumedSource(tapeSource, after),
                    io.ringtrader.exchange.ExchangeOptions.from(config.exchange(), feed.speed())));
            }
            default -> new FeedSource(feed, instruments, null);
        };
    }
}
