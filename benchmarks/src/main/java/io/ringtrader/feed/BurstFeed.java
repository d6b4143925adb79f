package io.ringtrader.feed;

import io.ringtrader.config.FeedConfig;
import io.ringtrader.config.FeedProtocol;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.RingPublisher;

/**
 * The feed's decoding half as {@link FeedClient} assembles it for Advanced Trade (decoder, trade sink, reject log,
 * level2 books publishing quotes), without the socket, so a benchmark can hand it frames as the I/O thread would.
 * Used by one producer thread; the counters may be read by it after each frame.
 */
public final class BurstFeed {
    private final FeedStats stats = new FeedStats();
    private final Level2Books books;
    private final FeedDecoder decoder;

    /** Decodes into {@code publisher} for {@code instruments}, sized by {@code config} as the live client is. */
    public BurstFeed(FeedConfig config, Instruments instruments, RingPublisher publisher) {
        final TradeSink sink = new TradeSink(publisher, stats, instruments.size(), config.dedupWindow(),
            config.maxFrameBytes() / 64 + 1);
        final RejectLog rejects = new RejectLog(stats, System::nanoTime, 10_000_000_000L);
        books = new Level2Books(instruments.size(), config.level2().maxLevels(), publisher);
        decoder = new FeedParts(instruments, publisher, sink, stats, rejects, new FeedControl() {
            @Override
            public void onSubscribed(long timestampNs, long receivedNs) {
            }

            @Override
            public void onErrorFrame(String text) {
            }
        }, books).decoder(FeedProtocol.ADVANCED_TRADE);
        decoder.connectionStarted();
    }

    /** One text frame {@code buf[offset, offset + length)}, received (here: planned) at {@code receivedNs}. */
    public void decode(byte[] buf, int offset, int length, long receivedNs) {
        decoder.decode(buf, offset, length, receivedNs);
    }

    /** Quote events published into the ring. */
    public long quotes() {
        return books.quotes();
    }

    /** Quotes the full ring had no room for (the feed never waits; each is retried after the next frame). */
    public long quoteDrops() {
        return books.quoteDrops();
    }

    /** Level changes applied. */
    public long updates() {
        return books.updates();
    }

    /** Frames rejected plus sequence gaps: both must stay 0 for a run to count. */
    public long problems() {
        return stats.rejectsTotal() + stats.gaps() + books.crossings() + books.levelsDropped();
    }

    /** Levels on one side of instrument {@code id}'s book, -1 when the book is not valid. */
    public int levels(int id, boolean bid) {
        final Level2Book b = books.book(id);
        return !b.valid() ? -1 : bid ? b.bids.levels() : b.asks.levels();
    }

    /** The books' log line. */
    public String summary() {
        return books.summary() + " rejects=" + stats.rejectsTotal() + " gaps=" + stats.gaps();
    }
}
