package io.ringtrader.feed;

/**
 * Remembers which trade ids each instrument has already published, in bounded memory: the highest id plus a
 * bitmap of the last {@code window} ids below it (Coinbase trade ids increase per product). An id older than the
 * window is treated as already seen. Used by the feed's I/O thread only.
 */
final class TradeDedup {
    private static final long NONE = -1;

    private final long[] highest;
    private final long[][] bits;
    private final int window;
    private final int mask;

    /** Tracks {@code instruments} instruments with a window of at least {@code windowSize} ids each. */
    TradeDedup(int instruments, int windowSize) {
        int w = 64;
        while (w < windowSize) {
            w <<= 1;
        }
        window = w;
        mask = w - 1;
        highest = new long[instruments];
        bits = new long[instruments][w / 64];
        java.util.Arrays.fill(highest, NONE);
    }

    /** A copy of {@code other}'s memory (for a thread that goes on alone from it). */
    TradeDedup(TradeDedup other) {
        window = other.window;
        mask = other.mask;
        highest = other.highest.clone();
        bits = new long[other.bits.length][];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = other.bits[i].clone();
        }
    }

    /** Instruments tracked. */
    int instrumentCount() {
        return highest.length;
    }

    /** Highest trade id accepted for the instrument, or -1. */
    long highest(int instrumentId) {
        return highest[instrumentId];
    }

    /** The window size actually used (a power of two, at least 64). */
    int window() {
        return window;
    }

    /** True (and remembers it) if {@code tradeId} was not seen before for the instrument. */
    boolean firstSeen(int instrumentId, long tradeId) {
        final long h = highest[instrumentId];
        final long[] words = bits[instrumentId];
        if (h == NONE || tradeId - h >= window) {
            java.util.Arrays.fill(words, 0L);
        } else if (tradeId > h) {
            for (long t = h + 1; t < tradeId; t++) {
                clear(words, t);
            }
        } else if (h - tradeId >= window || isSet(words, tradeId)) {
            return false;
        }
        set(words, tradeId);
        if (h == NONE || tradeId > h) {
            highest[instrumentId] = tradeId;
        }
        return true;
    }

    private boolean isSet(long[] words, long id) {
        final int bit = (int) (id & mask);
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    private void set(long[] words, long id) {
        final int bit = (int) (id & mask);
        words[bit >>> 6] |= 1L << bit;
    }

    private void clear(long[] words, long id) {
        final int bit = (int) (id & mask);
        words[bit >>> 6] &= ~(1L << bit);
    }
}
