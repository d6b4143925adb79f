package io.ringtrader.feed;

import io.ringtrader.event.Quote;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.metrics.Counters;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The level2 books of every traded product and what reaches the ring from them. A frame's level2 changes are
 * applied as they are decoded; at the end of the frame each touched book whose top {@link Quote#DEPTH} levels per
 * side changed publishes one {@code QUOTE} event: the ring carries top-of-book changes, at most one per product per
 * frame, never every level2 update (a busy book moves thousands of times a second, almost all of it deep in the
 * book). A book that is not valid (waiting for its snapshot) or crossed publishes an empty quote once, so the
 * stages fall back to trades. Counters are plain fields written by the feed's I/O thread; other threads (the feed
 * log, {@code /metrics}) read them stale but whole (64-bit JVM longs), which is all a counter needs. Everything else
 * runs on that thread.
 */
public final class Level2Books {
    private final Level2Book[] books;
    private final Quote[] published;
    private final boolean[] crossed;
    private final boolean[] touched;
    private final int[] touchedIds;
    private final Quote scratch = new Quote();
    private final RingPublisher publisher;
    private int touchedCount;
    private long snapshots;
    private long updates;
    private long crossings;
    private long rebuilds;
    private long quotes;
    private long quoteDrops;

    /** Books for {@code instruments} products, at most {@code maxLevels} a side, quoting to {@code publisher}. */
    public Level2Books(int instruments, int maxLevels, RingPublisher publisher) {
        this.publisher = publisher;
        books = new Level2Book[instruments];
        published = new Quote[instruments];
        crossed = new boolean[instruments];
        touched = new boolean[instruments];
        touchedIds = new int[instruments];
        for (int i = 0; i < instruments; i++) {
            books[i] = new Level2Book(maxLevels);
            published[i] = new Quote();
        }
    }

    /** The book of instrument {@code id} (tests and tools read it; only the I/O thread writes it). */
    Level2Book book(int id) {
        return books[id];
    }

    /** Starts a snapshot of {@code id}: every level from before is forgotten. */
    void beginSnapshot(int id) {
        books[id].beginSnapshot();
        touch(id);
    }

    void snapshotLevel(int id, boolean bid, long priceE8, long sizeE8) {
        books[id].snapshotLevel(bid, priceE8, sizeE8);
    }

    void endSnapshot(int id) {
        books[id].endSnapshot();
        snapshots++;
    }

    /**
     * One absolute-size change of {@code id}'s book. Only a change within the top {@link Quote#DEPTH} levels can
     * change the quote (an insert or delete deeper down shifts only deeper levels), so only such a change marks the
     * book for {@link #publishTouched}: most updates, deep in the book, end here.
     */
    void update(int id, boolean bid, long priceE8, long sizeE8) {
        final int rank = books[id].update(bid, priceE8, sizeE8);
        updates++;
        if (rank >= 0 && rank < Quote.DEPTH) {
            touch(id);
        }
    }

    /**
     * Every book is lost (a sequence gap, a reconnect): discarded until its next snapshot, no level kept. The empty
     * quotes go out with the next {@link #publishTouched}.
     */
    void invalidateAll() {
        for (int id = 0; id < books.length; id++) {
            if (books[id].valid()) {
                rebuilds++;
            }
            books[id].invalidate();
            touch(id);
        }
    }

    /** Discards one book until its next snapshot (a level of it did not parse). */
    void invalidate(int id) {
        if (books[id].valid()) {
            rebuilds++;
        }
        books[id].invalidate();
        touch(id);
    }

    /** True when any book waits for a snapshot (a resubscribe is needed after a gap). */
    boolean anyInvalid() {
        for (Level2Book b : books) {
            if (!b.valid()) {
                return true;
            }
        }
        return false;
    }

    /** End of a frame: publishes the changed tops of the touched books at exchange time {@code timestampNs}. */
    void publishTouched(long timestampNs, long feedSequence, long receivedNs) {
        int kept = 0;
        for (int k = 0; k < touchedCount; k++) {
            final int id = touchedIds[k];
            final Level2Book book = books[id];
            final boolean nowCrossed = book.valid() && book.crossed();
            if (nowCrossed && !crossed[id]) {
                crossings++;
            }
            crossed[id] = nowCrossed;
            if (nowCrossed) {
                scratch.clear();
            } else {
                book.topInto(scratch);
            }
            if (scratch.sameAs(published[id])) {
                touched[id] = false;
            } else if (publisher.publishQuote(id, timestampNs, scratch, feedSequence, receivedNs)) {
                published[id].copyFrom(scratch);
                touched[id] = false;
                quotes++;
            } else {
                quoteDrops++;
                touchedIds[kept++] = id; // stays touched: retried at the end of the next frame
            }
        }
        touchedCount = kept;
    }

    private void touch(int id) {
        if (!touched[id]) {
            touched[id] = true;
            touchedIds[touchedCount++] = id;
        }
    }

    /** Snapshots applied. */
    public long snapshots() {
        return snapshots;
    }

    /** Level changes applied (or ignored while a book waited for its snapshot). */
    public long updates() {
        return updates;
    }

    /** Times a book became crossed (best bid at or above best ask). */
    public long crossings() {
        return crossings;
    }

    /** Valid books discarded for a rebuild (gap, reconnect). */
    public long rebuilds() {
        return rebuilds;
    }

    /** Quote events published. */
    public long quotes() {
        return quotes;
    }

    /** Quote events the full ring had no room for (retried). */
    public long quoteDrops() {
        return quoteDrops;
    }

    /** Books kept (one per instrument). */
    public int size() {
        return books.length;
    }

    /** Books valid now (snapshot applied and not lost since). */
    public int validBooks() {
        return (int) sum(b -> b.valid() ? 1 : 0);
    }

    /** Updates ignored over all books because the book waited for its snapshot. */
    public long updatesIgnored() {
        return sum(Level2Book::updatesIgnored);
    }

    /** Levels dropped over all books because a side was full. */
    public long levelsDropped() {
        return sum(Level2Book::droppedLevels);
    }

    private long sum(ToLongFunction<Level2Book> value) {
        long sum = 0;
        for (Level2Book b : books) {
            sum += value.applyAsLong(b);
        }
        return sum;
    }

    /**
     * Registers the books' health on {@code counters} (the feed log line's figures, for {@code /metrics}): read at
     * scrape time through {@code books}, which gives null until the client exists (every series reads 0 then).
     */
    public static void registerCounters(Counters counters, Supplier<Level2Books> books) {
        counters.addGauge("ringtrader_level2_books", "Level2 books kept, one per product",
            () -> read(books, Level2Books::size));
        counters.addGauge("ringtrader_level2_books_valid", "Level2 books valid (snapshot applied, not lost since)",
            () -> read(books, Level2Books::validBooks));
        counters.add("ringtrader_level2_snapshots_total", "Level2 snapshots applied",
            () -> read(books, Level2Books::snapshots));
        counters.add("ringtrader_level2_updates_total", "Level2 level changes received",
            () -> read(books, Level2Books::updates));
        counters.add("ringtrader_level2_updates_ignored_total",
            "Level2 level changes ignored because the book waited for its snapshot",
            () -> read(books, Level2Books::updatesIgnored));
        counters.add("ringtrader_level2_crossed_total", "Times a level2 book became crossed (best bid >= best ask)",
            () -> read(books, Level2Books::crossings));
        counters.add("ringtrader_level2_rebuilds_total", "Valid level2 books discarded for a rebuild (gap, reconnect)",
            () -> read(books, Level2Books::rebuilds));
        counters.add("ringtrader_level2_quotes_total", "Quote events published from the level2 books",
            () -> read(books, Level2Books::quotes));
        counters.add("ringtrader_level2_quote_drops_total", "Quote events the full ring had no room for (retried)",
            () -> read(books, Level2Books::quoteDrops));
        counters.add("ringtrader_level2_levels_dropped_total", "Level2 levels dropped because a book side was full",
            () -> read(books, Level2Books::levelsDropped));
    }

    private static long read(Supplier<Level2Books> books, ToLongFunction<Level2Books> value) {
        final Level2Books b = books.get();
        return b == null ? 0 : value.applyAsLong(b);
    }

    /** One line for the feed log. */
    public String summary() {
        return "level2: books valid=" + validBooks() + "/" + books.length + " snapshots=" + snapshots + " updates="
            + updates + " ignored=" + updatesIgnored() + " crossed=" + crossings + " rebuilds=" + rebuilds
            + " quotes=" + quotes + " quote_drops=" + quoteDrops + " levels_dropped=" + levelsDropped();
    }
}
