package io.ringtrader.feed;

/**
 * One side of a level2 book in primitive arrays: price levels kept sorted with the best level last, so the
 * updates that matter (near the touch) shift few entries; a search from the touch finds a level, an array copy
 * inserts or deletes it. Bids store {@code +price} and asks {@code -price} as the sort key, so both sides keep the
 * best at the end. Holds at most {@code maxLevels}: past that the level farthest from the touch is dropped
 * (counted). The arrays grow by doubling (only while the first large snapshots arrive) and are kept, so a warmed-up
 * book allocates nothing. A snapshot is appended unsorted and sorted once ({@link #endSnapshot}), in O(n log n)
 * without allocation. Owned by the feed's I/O thread; not thread-safe.
 */
final class BookSide {
    private static final int INITIAL_LEVELS = 1024;

    private final boolean bid;
    private final int maxLevels;
    private long[] keys;
    private long[] sizes;
    private int count;
    private long droppedLevels;

    /** A side ({@code bid} true: bids, best = highest) holding at most {@code maxLevels} levels. */
    BookSide(boolean bid, int maxLevels) {
        this.bid = bid;
        this.maxLevels = maxLevels;
        final int initial = Math.min(INITIAL_LEVELS, maxLevels);
        keys = new long[initial];
        sizes = new long[initial];
    }

    /** Price levels held. */
    int levels() {
        return count;
    }

    /** Levels dropped because the side was full, since start. */
    long droppedLevels() {
        return droppedLevels;
    }

    /** Forgets every level. */
    void clear() {
        count = 0;
    }

    /** Price of the {@code rank}-th best level (0 = best); the caller checks {@code rank < levels()}. */
    long priceE8(int rank) {
        final long k = keys[count - 1 - rank];
        return bid ? k : -k;
    }

    /** Size of the {@code rank}-th best level. */
    long sizeE8(int rank) {
        return sizes[count - 1 - rank];
    }

    /** Size at {@code priceE8}, 0 when the level is absent. */
    long sizeAt(long priceE8) {
        final int i = find(key(priceE8));
        return i >= 0 ? sizes[i] : 0;
    }

    /**
     * Sets the level at {@code priceE8} to the absolute {@code sizeE8}; 0 deletes it (deleting an absent level is
     * a no-op). Returns the rank the change touched (0 = the best level), or -1 when nothing changed.
     */
    int set(long priceE8, long sizeE8) {
        final long k = key(priceE8);
        final int i = find(k);
        if (i >= 0) {
            final int rank = count - 1 - i;
            if (sizeE8 == 0) {
                System.arraycopy(keys, i + 1, keys, i, count - 1 - i);
                System.arraycopy(sizes, i + 1, sizes, i, count - 1 - i);
                count--;
            } else {
                sizes[i] = sizeE8;
            }
            return rank;
        }
        if (sizeE8 == 0) {
            return -1;
        }
        int at = -i - 1;
        if (count == keys.length && !grow()) {
            if (at == 0) {
                droppedLevels++; // worse than every level held: not kept
                return -1;
            }
            System.arraycopy(keys, 1, keys, 0, at - 1); // drop the farthest level to make room
            System.arraycopy(sizes, 1, sizes, 0, at - 1);
            count--;
            at--;
            droppedLevels++;
        }
        System.arraycopy(keys, at, keys, at + 1, count - at);
        System.arraycopy(sizes, at, sizes, at + 1, count - at);
        keys[at] = k;
        sizes[at] = sizeE8;
        count++;
        return count - 1 - at;
    }

    /** Starts a snapshot: forgets every level; then {@link #appendSnapshot} each level and {@link #endSnapshot}. */
    void beginSnapshot() {
        count = 0;
    }

    /** Appends one snapshot level in any order (zero sizes are skipped); false when the side is full. */
    boolean appendSnapshot(long priceE8, long sizeE8) {
        if (sizeE8 == 0) {
            return true;
        }
        if (count == keys.length && !grow()) {
            droppedLevels++;
            return false;
        }
        keys[count] = key(priceE8);
        sizes[count] = sizeE8;
        count++;
        return true;
    }

    /**
     * Sorts the appended snapshot: already sorted (O(n)), best first as Coinbase sends it (reversed, O(n)), or
     * anything else (heap sort, O(n log n)); a price sent twice becomes one level. Returns how many repeats were
     * merged.
     */
    int endSnapshot() {
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < count && (ascending || descending); i++) {
            ascending &= keys[i - 1] <= keys[i];
            descending &= keys[i - 1] >= keys[i];
        }
        if (!ascending) {
            if (descending) {
                reverse();
            } else {
                heapSort();
            }
        }
        return mergeRepeats();
    }

    private int mergeRepeats() {
        if (count < 2) {
            return 0;
        }
        int w = 0;
        for (int r = 1; r < count; r++) {
            if (keys[r] == keys[w]) {
                sizes[w] = sizes[r];
            } else {
                w++;
                keys[w] = keys[r];
                sizes[w] = sizes[r];
            }
        }
        final int merged = count - (w + 1);
        count = w + 1;
        return merged;
    }

    private void reverse() {
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            swap(i, j);
        }
    }

    private void heapSort() {
        for (int i = count / 2 - 1; i >= 0; i--) {
            siftDown(i, count);
        }
        for (int end = count - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
    }

    private void siftDown(int root, int end) {
        int r = root;
        while (true) {
            int child = 2 * r + 1;
            if (child >= end) {
                return;
            }
            if (child + 1 < end && keys[child + 1] > keys[child]) {
                child++;
            }
            if (keys[r] >= keys[child]) {
                return;
            }
            swap(r, child);
            r = child;
        }
    }

    private void swap(int a, int b) {
        final long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        final long s = sizes[a];
        sizes[a] = sizes[b];
        sizes[b] = s;
    }

    private boolean grow() {
        if (keys.length >= maxLevels) {
            return false;
        }
        final int capacity = (int) Math.min(maxLevels, 2L * keys.length);
        keys = java.util.Arrays.copyOf(keys, capacity);
        sizes = java.util.Arrays.copyOf(sizes, capacity);
        return true;
    }

    private long key(long priceE8) {
        return bid ? priceE8 : -priceE8;
    }

    /**
     * Index of {@code k}, or {@code -(insertion point) - 1}. Most updates land near the touch, the end of the
     * arrays: the search gallops back from the end (1, 2, 4, ... levels) to bracket {@code k}, then halves the
     * bracket, so a level {@code r} ranks from the touch costs O(log r) probes, not O(log levels).
     */
    private int find(long k) {
        int bound = 1;
        while (bound <= count && keys[count - bound] > k) {
            bound <<= 1;
        }
        int lo = Math.max(0, count - bound);
        int hi = count - (bound >> 1) - 1; // keys[hi + 1] > k was probed (or hi is the last index)
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long m = keys[mid];
            if (m < k) {
                lo = mid + 1;
            } else if (m > k) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
