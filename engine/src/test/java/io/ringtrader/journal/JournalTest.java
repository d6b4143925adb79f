package io.ringtrader.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Fill;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Regime;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.event.TradeFlags;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripEveryRecordTypeInOrder() {
        final MarketEvent trade = new MarketEvent(4);
        trade.clear();
        trade.type = EventType.TRADE;
        trade.instrumentId = 2;
        trade.timestampNs = 1_475_798_400_123_456_789L;
        trade.priceE8 = 61_050_000_000L;
        trade.sizeE8 = 12_345_678L;
        trade.tradeId = 987_654_321L;
        trade.side = Side.SELL;
        trade.flags = TradeFlags.SNAPSHOT;
        trade.feedSequence = 77;
        trade.value = 5;
        final Candle candle = new Candle();
        candle.instrumentId = 1;
        candle.openTimeNs = 60_000_000_000L;
        candle.openE8 = 1;
        candle.highE8 = 4;
        candle.lowE8 = 1;
        candle.closeE8 = 3;
        candle.volumeE8 = 9;
        candle.notionalE8 = 20;
        candle.tradeCount = 4;
        candle.complete = true;
        final Signal signal = new Signal();
        signal.reset();
        signal.instrumentId = 1;
        signal.action = Action.BUY;
        signal.confidence = 0.625;
        signal.regime = Regime.TRENDING_UP;
        signal.leadStrategyId = 2;
        signal.addVote(0, Action.BUY, 0.5);
        signal.addVote(2, Action.BUY, 0.9);
        final RiskDecision decision = new RiskDecision();
        decision.instrumentId = 1;
        decision.requestedQuantityE8 = 100;
        decision.approvedQuantityE8 = 50;
        decision.reasonCode = 3;
        final Fill fill = new Fill();
        fill.instrumentId = 1;
        fill.side = Side.BUY;
        fill.priceE8 = 123;
        fill.quantityE8 = 50;
        fill.cashAfterE8 = 999;
        fill.strategyId = 2;

        final long inputIndex;
        try (Journal journal = Journal.open(dir); Journal.Writer w = journal.writer()) {
            inputIndex = w.appendInput(trade);
            w.appendCandle(candle);
            w.appendSignal(signal);
            w.appendDecision(decision);
            w.appendFill(fill);
            w.appendNote("selected: trend_following, breakout");
            assertThat(journal.lastIndex()).isEqualTo(w.lastIndex());
        }

        try (Journal journal = Journal.openReadOnly(dir); JournalReader r = journal.reader()) {
            final JournalRecord rec = new JournalRecord();
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.type).isEqualTo(RecordType.INPUT);
            assertThat(rec.index).isEqualTo(inputIndex);
            assertThat(rec.input.toString()).isEqualTo(trade.toString());
            assertThat(rec.input.feedSequence).isEqualTo(77);
            assertThat(rec.input.side).isEqualTo(Side.SELL);
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.candle.toString()).isEqualTo(candle.toString());
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.signal.voteCount).isEqualTo(2);
            assertThat(rec.signal.voteConfidences[1]).isEqualTo(0.9);
            assertThat(rec.signal.confidence).isEqualTo(0.625);
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.decision.approvedQuantityE8).isEqualTo(50);
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.fill.cashAfterE8).isEqualTo(999);
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.note).isEqualTo("selected: trend_following, breakout");
            assertThat(r.next(rec)).isFalse();
        }
    }

    @Test
    void shouldSeekAfterAnIndex() {
        final MarketEvent e = new MarketEvent(1);
        final long[] indexes = new long[10];
        try (Journal journal = Journal.open(dir); Journal.Writer w = journal.writer()) {
            for (int i = 0; i < 10; i++) {
                e.clear();
                e.type = EventType.HEARTBEAT;
                e.timestampNs = i;
                indexes[i] = w.appendInput(e);
            }
        }
        try (Journal journal = Journal.openReadOnly(dir); JournalReader r = journal.reader()) {
            assertThat(r.seekAfter(indexes[6])).isTrue();
            final JournalRecord rec = new JournalRecord();
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.input.timestampNs).isEqualTo(7);
        }
    }
}
