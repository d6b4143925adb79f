package io.ringtrader.exchange;

import java.util.Arrays;

/**
 * The level2 books a tape carries, so the loopback exchange can serve them: the level changes read from the tape
 * and not yet served (referenced by {@link SimEvent#LEVEL2} events through {@link SimEvent#levelsFrom} and
 * {@link SimEvent#levelsTo}), and each product's book as of the last level2 event the tape emitted, in sorted
 * primitive arrays (best first). A snapshot is appended whole and sorted once (a stable merge sort, so a price
 * listed twice keeps its last size, as applying the levels one by one would): O(n) when it arrives sorted, as
 * Coinbase sends them, O(n log n) otherwise, where inserting level by level was O(n^2). A product's book is known
 * only after its first snapshot; changes before it are not kept. Single-threaded (the exchange's event loop,
 * through the {@link TapeSource} that owns it).
 */
public final class TapeBook {
    private static final int INITIAL = 64;

    private final boolean[] known;
    private final long[][] prices;
    private final long[][] sizes;
    private final int[] counts;
    private boolean[] pendingBid = new boolean[INITIAL];
    private long[] pendingPriceE8 = new long[INITIAL];
    private long[] pendingSizeE8 = new long[INITIAL];
    private int pending;
    /** Merge-sort scratch, grown to the largest snapshot side and kept. */
    private long[] scratchPrices = new long[INITIAL];
    private long[] scratchSizes = new long[INITIAL];

    TapeBook(int instruments) {
        known = new boolean[instruments];
        prices = new long[instruments * 2][];
        sizes = new long[instruments * 2][];
        counts = new int[instruments * 2];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = new long[INITIAL];
            sizes[i] = new long[INITIAL];
        }
    }

    /** True once a snapshot of {@code id} was applied. */
    public boolean known(int id) {
        return known[id];
    }

    /** Levels on one side of {@code id}'s book. */
    public int levels(int id, boolean bid) {
        return counts[side(id, bid)];
    }

    /** Price of the level {@code rank} from the best (0) on one side of {@code id}'s book. */
    public long priceE8(int id, boolean bid, int rank) {
        return prices[side(id, bid)][rank];
    }

    /** Size of the level {@code rank} from the best (0). */
    public long sizeE8(int id, boolean bid, int rank) {
        return sizes[side(id, bid)][rank];
    }

    boolean pendingBid(int index) {
        return pendingBid[index];
    }

    long pendingPriceE8(int index) {
        return pendingPriceE8[index];
    }

    long pendingSizeE8(int index) {
        return pendingSizeE8[index];
    }

    /** Index the next {@link #addPending} gets. */
    int pendingEnd() {
        return pending;
    }

    /** Forgets every pending change (all the events that referenced them were served). */
    void clearPending() {
        pending = 0;
    }

    /** Forgets the pending changes from {@code end} on (a frame that turned out bad). */
    void truncatePending(int end) {
        pending = end;
    }

    /** Records one change read from the tape (absolute size, 0 deletes). */
    void addPending(boolean bid, long priceE8, long sizeE8) {
        if (pending == pendingBid.length) {
            final int n = pending * 2;
            pendingBid = Arrays.copyOf(pendingBid, n);
            pendingPriceE8 = Arrays.copyOf(pendingPriceE8, n);
            pendingSizeE8 = Arrays.copyOf(pendingSizeE8, n);
        }
        pendingBid[pending] = bid;
        pendingPriceE8[pending] = priceE8;
        pendingSizeE8[pending] = sizeE8;
        pending++;
    }

    /** Applies a {@link SimEvent#LEVEL2} event: a snapshot replaces the book, an update changes it. */
    void apply(SimEvent e) {
        final int id = e.instrumentId;
        if (e.snapshot) {
            known[id] = true;
            snapshot(side(id, true), true, e.levelsFrom, e.levelsTo);
            snapshot(side(id, false), false, e.levelsFrom, e.levelsTo);
            return;
        }
        if (!known[id]) {
            return;
        }
        for (int i = e.levelsFrom; i < e.levelsTo; i++) {
            set(side(id, pendingBid[i]), pendingBid[i], pendingPriceE8[i], pendingSizeE8[i]);
        }
    }

    /** Replaces side {@code s} with the pending levels {@code [from, to)} of that side, zero sizes included. */
    private void snapshot(int s, boolean bid, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (pendingBid[i] != bid) {
                continue;
            }
            if (n == prices[s].length) {
                prices[s] = Arrays.copyOf(prices[s], n * 2);
                sizes[s] = Arrays.copyOf(sizes[s], n * 2);
            }
            prices[s][n] = pendingPriceE8[i];
            sizes[s][n] = pendingSizeE8[i];
            n++;
        }
        if (!sorted(prices[s], n, bid)) {
            mergeSort(prices[s], sizes[s], n, bid);
        }
        counts[s] = lastSizeWins(prices[s], sizes[s], n);
    }

    private static boolean sorted(long[] p, int n, boolean bid) {
        for (int i = 1; i < n; i++) {
            if (before(p[i], p[i - 1], bid)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code a} is a strictly better price than {@code b} on its side. */
    private static boolean before(long a, long b, boolean bid) {
        return bid ? a > b : a < b;
    }

    /** Bottom-up stable merge sort of the parallel arrays, best first, through the kept scratch arrays. */
    private void mergeSort(long[] p, long[] z, int n, boolean bid) {
        if (scratchPrices.length < n) {
            scratchPrices = new long[Math.max(n, scratchPrices.length * 2)];
            scratchSizes = new long[scratchPrices.length];
        }
        long[] fromP = p;
        long[] fromZ = z;
        long[] toP = scratchPrices;
        long[] toZ = scratchSizes;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    // equal prices take the left run first: the earlier listing, so the later one overrides it
                    final boolean left = a < mid && (b >= hi || !before(fromP[b], fromP[a], bid));
                    final int src = left ? a++ : b++;
                    toP[k] = fromP[src];
                    toZ[k] = fromZ[src];
                }
            }
            final long[] tp = fromP;
            fromP = toP;
            toP = tp;
            final long[] tz = fromZ;
            fromZ = toZ;
            toZ = tz;
        }
        if (fromP != p) {
            System.arraycopy(fromP, 0, p, 0, n);
            System.arraycopy(fromZ, 0, z, 0, n);
        }
    }

    /** Collapses repeated prices of a sorted side to their last size and drops zero sizes; returns the count. */
    private static int lastSizeWins(long[] p, long[] z, int n) {
        int w = 0;
        for (int r = 0; r < n; r++) {
            if (r + 1 < n && p[r + 1] == p[r]) {
                continue; // a later listing of this price follows
            }
            if (z[r] != 0) {
                p[w] = p[r];
                z[w] = z[r];
                w++;
            }
        }
        return w;
    }

    private void set(int s, boolean bid, long priceE8, long sizeE8) {
        final long[] p = prices[s];
        final int n = counts[s];
        int at;
        if (n == 0 || (bid ? priceE8 < p[n - 1] : priceE8 > p[n - 1])) {
            at = -(n + 1); // beyond the worst level: no search needed
        } else {
            at = bid ? searchDescending(p, n, priceE8) : Arrays.binarySearch(p, 0, n, priceE8);
        }
        if (at >= 0) {
            if (sizeE8 == 0) {
                System.arraycopy(p, at + 1, p, at, n - at - 1);
                System.arraycopy(sizes[s], at + 1, sizes[s], at, n - at - 1);
                counts[s] = n - 1;
            } else {
                sizes[s][at] = sizeE8;
            }
            return;
        }
        if (sizeE8 == 0) {
            return;
        }
        at = -at - 1;
        if (n == p.length) {
            prices[s] = Arrays.copyOf(p, n * 2);
            sizes[s] = Arrays.copyOf(sizes[s], n * 2);
        }
        System.arraycopy(prices[s], at, prices[s], at + 1, n - at);
        System.arraycopy(sizes[s], at, sizes[s], at + 1, n - at);
        prices[s][at] = priceE8;
        sizes[s][at] = sizeE8;
        counts[s] = n + 1;
    }

    /** {@link Arrays#binarySearch} for an array sorted high to low. */
    private static int searchDescending(long[] a, int n, long key) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            if (a[mid] > key) {
                low = mid + 1;
            } else if (a[mid] < key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private static int side(int id, boolean bid) {
        return id * 2 + (bid ? 0 : 1);
    }
}
