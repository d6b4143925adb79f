package io.ringtrader.event;

/**
 * What the risk stage did with one signal: the quantity asked for, the quantity approved (0 = rejected), and
 * the reasons as a bit set. Every reduction and rejection is journaled through this record.
 */
public final class RiskDecision {
    public int instrumentId;
    public long timestampNs;
    public byte side;
    public long requestedQuantityE8;
    public long approvedQuantityE8;
    public int reasonCode;

    /** Copies every field of {@code other} into this decision. */
    public void copyFrom(RiskDecision other) {
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        side = other.side;
        requestedQuantityE8 = other.requestedQuantityE8;
        approvedQuantityE8 = other.approvedQuantityE8;
        reasonCode = other.reasonCode;
    }
}
