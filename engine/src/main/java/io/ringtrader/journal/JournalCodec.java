package io.ringtrader.journal;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Signal;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Binary layout of journal entries: a {@link RecordType} byte, then fixed fields in a fixed order. Writing and
 * reading are symmetric and allocation-free; changing a layout means a new record type.
 */
final class JournalCodec {
    private JournalCodec() {
    }

    static void writeInput(Bytes<?> b, MarketEvent e) {
        b.writeByte(RecordType.INPUT);
        b.writeByte(e.type);
        b.writeInt(e.instrumentId);
        b.writeLong(e.timestampNs);
        b.writeLong(e.priceE8);
        b.writeLong(e.sizeE8);
        b.writeLong(e.tradeId);
        b.writeByte(e.side);
        b.writeInt(e.flags);
        b.writeLong(e.feedSequence);
        b.writeLong(e.value);
        if (e.type == io.ringtrader.event.EventType.HISTORY_CANDLE) {
            writeCandleFields(b, e.history);
        } else if (e.type == io.ringtrader.event.EventType.QUOTE) {
            writeQuote(b, e.quote);
        }
    }

    private static void writeQuote(Bytes<?> b, Quote q) {
        b.writeByte((byte) q.bidLevels);
        b.writeByte((byte) q.askLevels);
        for (int i = 0; i < Quote.DEPTH; i++) {
            b.writeLong(q.bidPriceE8[i]);
            b.writeLong(q.bidSizeE8[i]);
            b.writeLong(q.askPriceE8[i]);
            b.writeLong(q.askSizeE8[i]);
        }
    }

    private static void readQuote(Bytes<?> b, Quote q) {
        q.bidLevels = Math.max(0, Math.min(Quote.DEPTH, b.readByte()));
        q.askLevels = Math.max(0, Math.min(Quote.DEPTH, b.readByte()));
        for (int i = 0; i < Quote.DEPTH; i++) {
            q.bidPriceE8[i] = b.readLong();
            q.bidSizeE8[i] = b.readLong();
            q.askPriceE8[i] = b.readLong();
            q.askSizeE8[i] = b.readLong();
        }
    }

    static void readInput(Bytes<?> b, MarketEvent e) {
        e.type = b.readByte();
        e.instrumentId = b.readInt();
        e.timestampNs = b.readLong();
        e.priceE8 = b.readLong();
        e.sizeE8 = b.readLong();
        e.tradeId = b.readLong();
        e.side = b.readByte();
        e.flags = b.readInt();
        e.feedSequence = b.readLong();
        e.value = b.readLong();
        if (e.type == io.ringtrader.event.EventType.HISTORY_CANDLE) {
            readCandle(b, e.history);
        } else if (e.type == io.ringtrader.event.EventType.QUOTE) {
            readQuote(b, e.quote);
        }
    }

    static void writeCandle(Bytes<?> b, Candle c) {
        b.writeByte(RecordType.CANDLE_BOOK);
        writeCandleFields(b, c);
        b.writeLong(c.bestBidE8);
        b.writeLong(c.bestAskE8);
        b.writeLong(c.meanSpreadE8);
        b.writeLong(c.meanTopDepthE8);
        b.writeLong(c.bookCoverageNs);
    }

    /** Reads a {@link RecordType#CANDLE_BOOK} entry after its type byte. */
    static void readCandleBook(Bytes<?> b, Candle c) {
        readCandle(b, c);
        c.bestBidE8 = b.readLong();
        c.bestAskE8 = b.readLong();
        c.meanSpreadE8 = b.readLong();
        c.meanTopDepthE8 = b.readLong();
        c.bookCoverageNs = b.readLong();
    }

    private static void writeCandleFields(Bytes<?> b, Candle c) {
        b.writeInt(c.instrumentId);
        b.writeLong(c.openTimeNs);
        b.writeLong(c.openE8);
        b.writeLong(c.highE8);
        b.writeLong(c.lowE8);
        b.writeLong(c.closeE8);
        b.writeLong(c.volumeE8);
        b.writeLong(c.notionalE8);
        b.writeLong(c.tradeCount);
        b.writeBoolean(c.complete);
    }

    static void readCandle(Bytes<?> b, Candle c) {
        c.instrumentId = b.readInt();
        c.openTimeNs = b.readLong();
        c.openE8 = b.readLong();
        c.highE8 = b.readLong();
        c.lowE8 = b.readLong();
        c.closeE8 = b.readLong();
        c.volumeE8 = b.readLong();
        c.notionalE8 = b.readLong();
        c.tradeCount = b.readLong();
        c.complete = b.readBoolean();
        c.clearBook();
    }

    static void writeSignal(Bytes<?> b, Signal s) {
        b.writeByte(RecordType.SIGNAL);
        b.writeInt(s.instrumentId);
        b.writeLong(s.timestampNs);
        b.writeByte(s.action);
        b.writeDouble(s.confidence);
        b.writeByte(s.regime);
        b.writeInt(s.leadStrategyId);
        b.writeBoolean(s.filtered);
        b.writeLong(s.referencePriceE8);
        b.writeInt(s.voteCount);
        for (int i = 0; i < s.voteCount; i++) {
            b.writeInt(s.voteStrategyIds[i]);
            b.writeByte(s.voteActions[i]);
            b.writeDouble(s.voteConfidences[i]);
        }
    }

    static void readSignal(Bytes<?> b, Signal s) {
        s.instrumentId = b.readInt();
        s.timestampNs = b.readLong();
        s.action = b.readByte();
        s.confidence = b.readDouble();
        s.regime = b.readByte();
        s.leadStrategyId = b.readInt();
        s.filtered = b.readBoolean();
        s.referencePriceE8 = b.readLong();
        final int votes = Math.min(b.readInt(), Signal.MAX_VOTES);
        s.voteCount = 0;
        for (int i = 0; i < votes; i++) {
            s.addVote(b.readInt(), b.readByte(), b.readDouble());
        }
    }

    static void writeDecision(Bytes<?> b, RiskDecision d) {
        b.writeByte(RecordType.DECISION);
        b.writeInt(d.instrumentId);
        b.writeLong(d.timestampNs);
        b.writeByte(d.side);
        b.writeLong(d.requestedQuantityE8);
        b.writeLong(d.approvedQuantityE8);
        b.writeInt(d.reasonCode);
    }

    static void readDecision(Bytes<?> b, RiskDecision d) {
        d.instrumentId = b.readInt();
        d.timestampNs = b.readLong();
        d.side = b.readByte();
        d.requestedQuantityE8 = b.readLong();
        d.approvedQuantityE8 = b.readLong();
        d.reasonCode = b.readInt();
    }

    static void writeFill(Bytes<?> b, Fill f) {
        b.writeByte(RecordType.FILL);
        b.writeInt(f.instrumentId);
        b.writeLong(f.timestampNs);
        b.writeByte(f.side);
        b.writeLong(f.priceE8);
        b.writeLong(f.quantityE8);
        b.writeLong(f.notionalE8);
        b.writeLong(f.feeE8);
        b.writeDouble(f.confidence);
        b.writeInt(f.strategyId);
        b.writeByte(f.regime);
        b.writeLong(f.realizedPnlE8);
        b.writeLong(f.positionAfterE8);
        b.writeLong(f.cashAfterE8);
        b.writeInt(f.reasonCode);
        b.writeLong(f.orderId);
        b.writeByte(f.orderType);
        b.writeByte(f.liquidity);
        b.writeByte(f.exitReason);
    }

    static void readFill(Bytes<?> b, Fill f) {
        f.instrumentId = b.readInt();
        f.timestampNs = b.readLong();
        f.side = b.readByte();
        f.priceE8 = b.readLong();
        f.quantityE8 = b.readLong();
        f.notionalE8 = b.readLong();
        f.feeE8 = b.readLong();
        f.confidence = b.readDouble();
        f.strategyId = b.readInt();
        f.regime = b.readByte();
        f.realizedPnlE8 = b.readLong();
        f.positionAfterE8 = b.readLong();
        f.cashAfterE8 = b.readLong();
        f.reasonCode = b.readInt();
        f.orderId = b.readLong();
        f.orderType = b.readByte();
        f.liquidity = b.readByte();
        f.exitReason = b.readByte();
    }

    static void writeOrder(Bytes<?> b, OrderUpdate u) {
        b.writeByte(RecordType.ORDER);
        b.writeLong(u.orderId);
        b.writeInt(u.instrumentId);
        b.writeLong(u.timestampNs);
        b.writeByte(u.state);
        b.writeByte(u.orderType);
        b.writeByte(u.side);
        b.writeByte(u.timeInForce);
        b.writeByte(u.exitReason);
        b.writeLong(u.quantityE8);
        b.writeLong(u.filledE8);
        b.writeLong(u.limitPriceE8);
        b.writeLong(u.stopPriceE8);
        b.writeInt(u.reasonCode);
    }

    static void readOrder(Bytes<?> b, OrderUpdate u) {
        u.orderId = b.readLong();
        u.instrumentId = b.readInt();
        u.timestampNs = b.readLong();
        u.state = b.readByte();
        u.orderType = b.readByte();
        u.side = b.readByte();
        u.timeInForce = b.readByte();
        u.exitReason = b.readByte();
        u.quantityE8 = b.readLong();
        u.filledE8 = b.readLong();
        u.limitPriceE8 = b.readLong();
        u.stopPriceE8 = b.readLong();
        u.reasonCode = b.readInt();
    }
}
