package io.ringtrader.journal;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Fill;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Signal;

/**
 * Replay's {@code --verify}: compares every event the stages derive (candles, signals, risk decisions, fills) with
 * the one journaled live, in order, and remembers the first difference precisely. Runs as the last stage of a
 * replay pipeline on the consumer thread; reads the original journal with its own reader.
 */
public final class VerifyHandler implements EventHandler<MarketEvent> {
    private final JournalReader expected;
    private final JournalRecord record = new JournalRecord();
    private long compared;
    private long mismatches;
    private String firstDifference;
    /** False inside data-only sessions (after TRADING_OFF): they journaled candles but no signals or trades. */
    private boolean tradingSession = true;
    /** The input a replay from a snapshot starts after, until the reader is past it; -1 after that. */
    private long afterInput;

    /** Compares against the derived entries of {@code original}. */
    public VerifyHandler(Journal original) {
        this(original, -1);
    }

    /**
     * Compares against the derived entries of {@code original} after its input at {@code afterInput} (-1: all),
     * for a replay from a snapshot: what that input and the ones before it derived is skipped. The live session
     * journals an input's outputs before the next input (one consumer thread), which a snapshot requires.
     */
    public VerifyHandler(Journal original, long afterInput) {
        this.expected = original.reader();
        this.afterInput = afterInput;
    }

    /** On the consumer thread (a Chronicle tailer stays on one thread): past what the snapshot reflects. */
    private void skipToAfterInput() {
        if (!expected.readAt(afterInput, record) || record.type != RecordType.INPUT) {
            throw new IllegalStateException("no input at journal index " + afterInput);
        }
        while (expected.next(record) && record.type != RecordType.INPUT) {
            // derived from inputs the snapshot already reflects
        }
        afterInput = -1;
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if (afterInput >= 0) {
            skipToAfterInput();
        }
        if (event.type == EventType.HISTORY_CANDLE) {
            return;
        }
        if (event.type == EventType.FEED_STATUS && event.value == FeedStatus.TRADING_OFF) {
            tradingSession = false;
        } else if (event.type == EventType.FEED_STATUS && event.value == FeedStatus.TRADING_ON) {
            tradingSession = true;
        }
        for (int i = 0; i < event.closedCandles.size(); i++) {
            check(RecordType.CANDLE, event, describe(event.closedCandles.get(i)));
        }
        if (!tradingSession) {
            return; // a data-only session ran no strategy or risk stage: only its candles can be compared
        }
        for (int i = 0; i < event.signals.size(); i++) {
            check(RecordType.SIGNAL, event, describe(event.signals.get(i)));
        }
        for (int i = 0; i < event.decisions.size(); i++) {
            check(RecordType.DECISION, event, describe(event.decisions.get(i)));
        }
        for (int i = 0; i < event.fills.size(); i++) {
            check(RecordType.FILL, event, describe(event.fills.get(i)));
        }
        for (int i = 0; i < event.orders.size(); i++) {
            check(RecordType.ORDER, event, describe(event.orders.get(i)));
        }
    }

    private void check(byte type, MarketEvent cause, String actual) {
        compared++;
        if (!nextDerived()) {
            mismatch("replay derived an extra " + RecordType.name(type) + " (" + actual + ") from input at journal"
                + " index " + cause.journalIndex + " that the live session did not journal");
            return;
        }
        final String wanted = describeRecord();
        if (record.type != type || !wanted.equals(actual)) {
            mismatch("derived event #" + compared + " (from input at journal index " + cause.journalIndex
                + ") differs:\n  live:   " + RecordType.name(record.type) + " " + wanted
                + "\n  replay: " + RecordType.name(type) + " " + actual);
        }
    }

    private boolean nextDerived() {
        while (expected.next(record)) {
            if (record.type != RecordType.INPUT && record.type != RecordType.NOTE) {
                return true;
            }
        }
        return false;
    }

    private void mismatch(String text) {
        mismatches++;
        if (firstDifference == null) {
            firstDifference = text;
        }
    }

    private String describeRecord() {
        return switch (record.type) {
            case RecordType.CANDLE -> describe(record.candle);
            case RecordType.SIGNAL -> describe(record.signal);
            case RecordType.DECISION -> describe(record.decision);
            case RecordType.FILL -> describe(record.fill);
            case RecordType.ORDER -> describe(record.order);
            default -> "?";
        };
    }

    /** Call after the ring drained: derived entries the live session journaled but the replay did not produce. */
    public long remainingExpected() {
        long n = 0;
        while (nextDerived()) {
            n++;
            if (firstDifference == null) {
                mismatch("the live session journaled a " + RecordType.name(record.type) + " (" + describeRecord()
                    + ") that the replay did not derive");
            }
        }
        return n;
    }

    /** Derived events compared. */
    public long compared() {
        return compared;
    }

    /** Differences found. */
    public long mismatches() {
        return mismatches;
    }

    /** The first difference, or null if none. */
    public String firstDifference() {
        return firstDifference;
    }

    // Field-exact descriptions: equal text means equal records (doubles printed exactly).
    private static String describe(Candle c) {
        return c.toString() + " notional=" + c.notionalE8;
    }

    private static String describe(Signal s) {
        final StringBuilder sb = new StringBuilder("Signal{instrument=").append(s.instrumentId)
            .append(", ts=").append(s.timestampNs).append(", action=").append(s.action)
            .append(", confidence=").append(Double.doubleToLongBits(s.confidence)).append(", regime=")
            .append(s.regime).append(", lead=").append(s.leadStrategyId).append(", filtered=").append(s.filtered)
            .append(", ref=").append(s.referencePriceE8).append(", votes=[");
        for (int i = 0; i < s.voteCount; i++) {
            sb.append(s.voteStrategyIds[i]).append(':').append(s.voteActions[i]).append(':')
                .append(Double.doubleToLongBits(s.voteConfidences[i])).append(' ');
        }
        return sb.append("]}").toString();
    }

    private static String describe(RiskDecision d) {
        return "Decision{instrument=" + d.instrumentId + ", ts=" + d.timestampNs + ", side=" + d.side
            + ", requested=" + d.requestedQuantityE8 + ", approved=" + d.approvedQuantityE8 + ", reason="
            + d.reasonCode + "}";
    }

    private static String describe(Fill f) {
        return "Fill{instrument=" + f.instrumentId + ", ts=" + f.timestampNs + ", side=" + f.side + ", price="
            + f.priceE8 + ", qty=" + f.quantityE8 + ", notional=" + f.notionalE8 + ", fee=" + f.feeE8
            + ", confidence=" + Double.doubleToLongBits(f.confidence) + ", strategy=" + f.strategyId + ", regime="
            + f.regime + ", pnl=" + f.realizedPnlE8 + ", position=" + f.positionAfterE8 + ", cash=" + f.cashAfterE8
            + ", reason=" + f.reasonCode + ", order=" + f.orderId + ", type=" + f.orderType + ", liquidity="
            + f.liquidity + ", exit=" + f.exitReason + "}";
    }

    private static String describe(OrderUpdate u) {
        return "Order{id=" + u.orderId + ", instrument=" + u.instrumentId + ", ts=" + u.timestampNs + ", state="
            + OrderState.name(u.state) + ", type=" + u.orderType + ", side=" + u.side + ", tif=" + u.timeInForce
            + ", exit=" + u.exitReason + ", qty=" + u.quantityE8 + ", filled=" + u.filledE8 + ", limit="
            + u.limitPriceE8 + ", stop=" + u.stopPriceE8 + ", reason=" + u.reasonCode + "}";
    }

    @Override
    public void onShutdown() {
        // The reader stays open until the runner has asked for remainingExpected().
    }

    /** Closes the reader. */
    public void close() {
        expected.close();
    }
}
