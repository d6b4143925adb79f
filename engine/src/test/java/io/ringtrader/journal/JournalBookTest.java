package io.ringtrader.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotes and the candles' book fields survive the journal exactly, so replays see the same book. */
class JournalBookTest {
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripAQuoteInputAndACandleWithItsBookFields() {
        final MarketEvent quote = new MarketEvent(4);
        quote.clear();
        quote.type = EventType.QUOTE;
        quote.instrumentId = 1;
        quote.timestampNs = 1_767_225_600_123_456_789L;
        quote.feedSequence = 42;
        final Quote q = quote.quote;
        q.clear();
        q.bidLevels = Quote.DEPTH;
        q.askLevels = 2;
        for (int i = 0; i < Quote.DEPTH; i++) {
            q.bidPriceE8[i] = 6_500_000_000_000L - i;
            q.bidSizeE8[i] = 10 + i;
        }
        q.askPriceE8[0] = 6_500_000_000_001L;
        q.askSizeE8[0] = 7;
        q.askPriceE8[1] = 6_500_000_000_009L;
        q.askSizeE8[1] = 8;
        final Candle candle = new Candle();
        candle.instrumentId = 1;
        candle.openTimeNs = 60_000_000_000L;
        candle.closeE8 = 3;
        candle.bestBidE8 = 11;
        candle.bestAskE8 = 12;
        candle.meanSpreadE8 = 1;
        candle.meanTopDepthE8 = 99;
        candle.bookCoverageNs = 59_000_000_000L;
        try (Journal journal = Journal.open(dir); Journal.Writer w = journal.writer()) {
            w.appendInput(quote);
            w.appendCandle(candle);
        }
        try (Journal journal = Journal.openReadOnly(dir); JournalReader r = journal.reader()) {
            final JournalRecord rec = new JournalRecord();
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.input.type).isEqualTo(EventType.QUOTE);
            assertThat(rec.input.quote.sameAs(q)).as(rec.input.quote.toString()).isTrue();
            assertThat(rec.input.feedSequence).isEqualTo(42);
            assertThat(r.next(rec)).isTrue();
            assertThat(rec.type).as("handed on as a candle").isEqualTo(RecordType.CANDLE);
            assertThat(rec.candle.toString()).isEqualTo(candle.toString());
            assertThat(rec.candle.bookCoverageNs).isEqualTo(59_000_000_000L);
            assertThat(r.next(rec)).isFalse();
        }
    }
}
