package io.ringtrader.exchange;

/**
 * A source that skips every event at or before an exchange time: a restarted session continues a tape where its
 * journal ended instead of serving hours whose candles are already closed. Same threading as the wrapped source.
 */
public final class ResumedSource implements MarketSource {
    private final MarketSource inner;
    private final long afterNs;
    private long skipped;

    /** Serves {@code inner}'s events later than {@code afterNs} (epoch ns). */
    public ResumedSource(MarketSource inner, long afterNs) {
        this.inner = inner;
        this.afterNs = afterNs;
    }

    @Override
    public boolean next(SimEvent out) {
        while (inner.next(out)) {
            if (out.timestampNs > afterNs) {
                return true;
            }
            skipped++;
        }
        return false;
    }

    @Override
    public SimBook book() {
        return inner.book();
    }

    /** The tape's books: the level2 events skipped were applied to them all the same. */
    @Override
    public TapeBook tapeBook() {
        return inner.tapeBook();
    }

    /** Events skipped so far. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        inner.close();
    }
}
