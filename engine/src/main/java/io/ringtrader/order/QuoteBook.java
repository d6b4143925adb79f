package io.ringtrader.order;

import io.ringtrader.event.Quote;

/**
 * The latest top of book of every instrument as the paper matching engine sees it: the last {@code QUOTE} event
 * per instrument. A quote is usable while it is two-sided, no disconnect happened since, and it is at most
 * {@link #MAX_AGE_NS} of exchange time old (quotes come only when the top changes, so a quiet book keeps its last
 * one; the age bound only guards against a level2 channel that went silent). Without a usable quote the matcher
 * falls back to trades plus slippage. Single-threaded (the risk/portfolio stage); allocation-free.
 */
public final class QuoteBook {
    /** Oldest quote (exchange time) the matcher still trusts. */
    public static final long MAX_AGE_NS = 60_000_000_000L;

    private final Quote[] quotes;
    private final long[] timeNs;

    /** Quotes for {@code instruments} instruments, none known yet. */
    public QuoteBook(int instruments) {
        quotes = new Quote[instruments];
        timeNs = new long[instruments];
        for (int i = 0; i < instruments; i++) {
            quotes[i] = new Quote();
        }
    }

    /** A new quote for {@code id} at exchange time {@code timestampNs} (an empty one: the book is unknown). */
    public void onQuote(int id, long timestampNs, Quote quote) {
        if (id >= 0 && id < quotes.length) {
            quotes[id].copyFrom(quote);
            timeNs[id] = timestampNs;
        }
    }

    /** The feed disconnected or the engine restarted: no quote is trusted until a new one arrives. */
    public void forgetAll() {
        for (Quote q : quotes) {
            q.clear();
        }
    }

    /** The quote of {@code id} if it is usable at exchange time {@code nowNs}, else null. */
    public Quote usable(int id, long nowNs) {
        if (id < 0 || id >= quotes.length) {
            return null;
        }
        final Quote q = quotes[id];
        return q.twoSided() && nowNs - timeNs[id] <= MAX_AGE_NS ? q : null;
    }
}
