package io.ringtrader.journal;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Signal;

/**
 * One decoded journal entry; reused by {@link JournalReader}. Only the part named by {@link #type} is valid.
 */
public final class JournalRecord {
    /** A {@link RecordType}. */
    public byte type;
    /** The entry's journal index. */
    public long index;
    public final MarketEvent input = new MarketEvent(1);
    public final Candle candle = new Candle();
    public final Signal signal = new Signal();
    public final RiskDecision decision = new RiskDecision();
    public final Fill fill = new Fill();
    public final OrderUpdate order = new OrderUpdate();
    /** Text of a note entry. */
    public String note = "";
}
