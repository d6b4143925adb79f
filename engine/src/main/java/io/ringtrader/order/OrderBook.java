package io.ringtrader.order;

/**
 * The open paper orders, a fixed number of pre-allocated slots per instrument, plus what the order manager
 * remembers per position: when it was entered (for the maximum holding time) and until when the symbol cools down
 * after an exit. Order ids are sequential and never reused. Allocation-free after construction; single-threaded
 * (the risk/portfolio stage), copied whole into state snapshots.
 */
public final class OrderBook {
    private final Order[][] slots;
    private final long[] entryNs;
    private final long[] cooldownUntilNs;
    /** Slots in use per instrument, so a trade or a time check skips symbols with no orders at once. */
    private final int[] used;
    /**
     * Bit k set while slot k of the instrument is in use: a copy touches only the slots in use on either side
     * (a snapshot's slots are cold in cache; reading every one of them to find the free ones cost microseconds).
     */
    private final long[] usedMask;
    private long nextOrderId = 1;
    /** Counts slot and entry changes, so a reader can tell the book is as it last looked. */
    private long changes;
    /** True once an order was allocated since the last {@link #settle()}. */
    private boolean anyFresh;

    /** A book for {@code instrumentCount} instruments with {@code perInstrument} order slots each. */
    public OrderBook(int instrumentCount, int perInstrument) {
        if (perInstrument > Long.SIZE) {
            throw new IllegalArgumentException("at most 64 order slots per instrument, got " + perInstrument);
        }
        slots = new Order[instrumentCount][perInstrument];
        for (Order[] row : slots) {
            for (int k = 0; k < row.length; k++) {
                row[k] = new Order();
                row[k].clear();
            }
        }
        entryNs = new long[instrumentCount];
        cooldownUntilNs = new long[instrumentCount];
        used = new int[instrumentCount];
        usedMask = new long[instrumentCount];
    }

    /**
     * A free slot for {@code instrumentId}, given the next id and marked fresh; null when every slot is taken. The
     * caller fills in the rest and sets the state.
     */
    public Order allocate(int instrumentId, long placedNs) {
        final Order[] row = slots[instrumentId];
        for (int k = 0; k < row.length; k++) {
            final Order o = row[k];
            if (o.id == 0) {
                o.clear();
                o.id = nextOrderId++;
                o.instrumentId = instrumentId;
                o.placedNs = placedNs;
                o.fresh = true;
                used[instrumentId]++;
                usedMask[instrumentId] |= 1L << k;
                anyFresh = true;
                changes++;
                return o;
            }
        }
        return null;
    }

    /** Returns a finished order's slot to the pool. */
    public void release(Order order) {
        if (order.id != 0) {
            changes++;
            final int id = order.instrumentId;
            used[id]--;
            final Order[] row = slots[id];
            for (int k = 0; k < row.length; k++) {
                if (row[k] == order) {
                    usedMask[id] &= ~(1L << k);
                }
            }
        }
        order.clear();
    }

    /** The slots of {@code instrumentId} in use, bit k for slot k (exactly those whose order id is not 0). */
    public long usedMask(int instrumentId) {
        return usedMask[instrumentId];
    }

    /** Grows with every allocate, release, entry time set and copy: equal counts mean the same slots in use. */
    public long changes() {
        return changes;
    }

    /** True when {@code instrumentId} has any order slot in use. */
    public boolean hasOrders(int instrumentId) {
        return used[instrumentId] != 0;
    }

    /** Slot {@code k} of {@code instrumentId}; a slot with {@code id == 0} is free. */
    public Order slot(int instrumentId, int k) {
        return slots[instrumentId][k];
    }

    /** Slots per instrument. */
    public int slotsPerInstrument() {
        return slots.length == 0 ? 0 : slots[0].length;
    }

    public int instrumentCount() {
        return slots.length;
    }

    /** Open orders of {@code instrumentId}. */
    public int openCount(int instrumentId) {
        int n = 0;
        for (Order o : slots[instrumentId]) {
            if (o.id != 0 && o.open()) {
                n++;
            }
        }
        return n;
    }

    /** Open orders of every instrument. */
    public int openCount() {
        int n = 0;
        for (int i = 0; i < slots.length; i++) {
            n += openCount(i);
        }
        return n;
    }

    /** Clears every order's fresh mark: called when an event is done, so they may match the next trades. */
    public void settle() {
        if (!anyFresh) {
            return;
        }
        anyFresh = false;
        for (Order[] row : slots) {
            for (Order o : row) {
                o.fresh = false;
            }
        }
    }

    /** Exchange time the current position of {@code id} was opened from flat; 0 when flat. */
    public long entryNs(int id) {
        return entryNs[id];
    }

    public void entryNs(int id, long ns) {
        entryNs[id] = ns;
        changes++;
    }

    /** Until this exchange time no new entry in {@code id} (cooldown after an exit); 0 = none. */
    public long cooldownUntilNs(int id) {
        return cooldownUntilNs[id];
    }

    public void cooldownUntilNs(int id, long ns) {
        cooldownUntilNs[id] = ns;
    }

    /** The id the next order gets. */
    public long nextOrderId() {
        return nextOrderId;
    }

    /** Restores the id counter (state file). */
    public void nextOrderId(long next) {
        nextOrderId = next;
    }

    /** Copies every slot and counter of {@code other} (same shape); allocation-free. */
    public void copyFrom(OrderBook other) {
        for (int i = 0; i < slots.length; i++) {
            long either = usedMask[i] | other.usedMask[i]; // two free slots are equal already
            while (either != 0) {
                final int k = Long.numberOfTrailingZeros(either);
                slots[i][k].copyFrom(other.slots[i][k]);
                either &= either - 1;
            }
        }
        System.arraycopy(other.usedMask, 0, usedMask, 0, usedMask.length);
        System.arraycopy(other.entryNs, 0, entryNs, 0, entryNs.length);
        System.arraycopy(other.cooldownUntilNs, 0, cooldownUntilNs, 0, cooldownUntilNs.length);
        System.arraycopy(other.used, 0, used, 0, used.length);
        nextOrderId = other.nextOrderId;
        anyFresh = other.anyFresh;
        changes++;
    }
}
