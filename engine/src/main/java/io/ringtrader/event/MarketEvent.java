package io.ringtrader.event;

/**
 * The ring slot. Pre-allocated once per ring entry and reused for ever.
 *
 * <p>The producer (the feed's I/O thread or a replay reader) writes the <em>input</em> fields and publishes.
 * Stages then annotate the same slot in pipeline order: the journal stage sets {@link #journalIndex}, the candle
 * stage fills {@link #closedCandles}, the strategy stage {@link #signals}, the risk/portfolio stage
 * {@link #decisions}, {@link #fills} and {@link #orders}. Each field has exactly one writer, and a later stage
 * only reads what an earlier one wrote, so the slot is safe under both the fused and the thread-per-stage topologies.
 */
public final class MarketEvent {
    // ---- input: written by the producer, journaled ----
    /** One of {@link EventType}. */
    public byte type;
    /** Instrument id (see {@link Instruments}); -1 when the event concerns every instrument. */
    public int instrumentId;
    /** Exchange time of the event, epoch nanoseconds: the only clock the pipeline uses. */
    public long timestampNs;
    public long priceE8;
    public long sizeE8;
    /** Exchange trade id (numeric). */
    public long tradeId;
    /** {@link Side} of the trade as reported (maker side on Coinbase). */
    public byte side;
    /** {@link TradeFlags} bits. */
    public int flags;
    /** Feed sequence number of the frame that carried the event (-1 if none). */
    public long feedSequence;
    /** Monotonic receive time ({@code System.nanoTime()}); for latency telemetry only, never for logic. */
    public long receivedNs;
    /** Type-specific value: gap size for {@link EventType#GAP}, a {@link FeedStatus} code for feed status. */
    public long value;
    /** The candle of a {@link EventType#HISTORY_CANDLE} event (warm-up); unused otherwise. */
    public final Candle history = new Candle();
    /** The top of book of a {@link EventType#QUOTE} event; unused otherwise. */
    public final Quote quote = new Quote();

    // ---- annotations: written by the stages ----
    /** Index of this event's entry in the journal; set by the journal stage, -1 if not journaled. */
    public long journalIndex;
    /** Candles closed by this event (candle stage). */
    public final OutputBatch<Candle> closedCandles;
    /**
     * Set by the strategy stage when a scheduled re-selection ran on this event: {@link #EDGE} (a strategy beat the
     * costs on the history) or {@link #NO_EDGE}; 0 otherwise. The risk/portfolio stage stands aside on NO_EDGE.
     */
    public byte edgeChange;
    /** {@link #edgeChange}: the re-selection found a strategy with a positive score net of costs. */
    public static final byte EDGE = 1;
    /** {@link #edgeChange}: no strategy beat the costs. */
    public static final byte NO_EDGE = 2;
    /** Signals generated on this event (strategy stage). */
    public final OutputBatch<Signal> signals;
    /** Risk decisions on those signals (risk/portfolio stage). */
    public final OutputBatch<RiskDecision> decisions;
    /** Paper fills (risk/portfolio stage). */
    public final OutputBatch<Fill> fills;
    /** Order state changes (risk/portfolio stage): placements, triggers, fills, cancels, expiries. */
    public final OutputBatch<OrderUpdate> orders;

    /** Creates a slot whose output batches hold up to {@code instrumentCapacity} records each. */
    public MarketEvent(int instrumentCapacity) {
        closedCandles = new OutputBatch<>(instrumentCapacity, Candle::new);
        signals = new OutputBatch<>(instrumentCapacity, Signal::new);
        decisions = new OutputBatch<>(instrumentCapacity, RiskDecision::new);
        fills = new OutputBatch<>(4 * instrumentCapacity + 4, Fill::new);
        orders = new OutputBatch<>(8 * instrumentCapacity + 8, OrderUpdate::new);
    }

    /** Resets every field before the producer refills the slot. */
    public void clear() {
        type = EventType.NONE;
        instrumentId = -1;
        timestampNs = 0;
        priceE8 = 0;
        sizeE8 = 0;
        tradeId = 0;
        side = Side.UNKNOWN;
        flags = 0;
        feedSequence = -1;
        receivedNs = 0;
        value = 0;
        journalIndex = -1;
        edgeChange = 0;
        closedCandles.clear();
        signals.clear();
        decisions.clear();
        fills.clear();
        orders.clear();
    }

    /** Copies the input fields (not the annotations) of {@code other}. */
    public void copyInputFrom(MarketEvent other) {
        type = other.type;
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        priceE8 = other.priceE8;
        sizeE8 = other.sizeE8;
        tradeId = other.tradeId;
        side = other.side;
        flags = other.flags;
        feedSequence = other.feedSequence;
        receivedNs = other.receivedNs;
        value = other.value;
        history.copyFrom(other.history);
        quote.copyFrom(other.quote);
    }

    @Override
    public String toString() {
        return "MarketEvent{" + EventType.name(type) + ", instrument=" + instrumentId + ", ts=" + timestampNs
            + ", price=" + FixedPoint.format(priceE8) + ", size=" + FixedPoint.format(sizeE8)
            + ", tradeId=" + tradeId + ", flags=" + flags + ", value=" + value + '}';
    }
}
