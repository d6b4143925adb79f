package io.ringtrader.candle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.CandleConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The book side of the candles: best bid and ask at each minute's close and time-weighted mean spread and top
 * depth, checked against a naive second-by-second computation over seeded random quotes.
 */
class CandleBookTest {
    private static final long MIN = 60_000_000_000L;
    private static final long SEC = 1_000_000_000L;
    private static final long T0 = 29_000_000L * MIN; // a whole minute

    private final List<Candle> closed = new ArrayList<>();
    private final CandleHandler handler = new CandleHandler(new CandleConfig(2_000, 7), 1, new CandleStore(1, 7),
        c -> {
            final Candle copy = new Candle();
            copy.copyFrom(c);
            closed.add(copy);
            return true;
        });
    private final MarketEvent e = new MarketEvent(4);

    private void trade(long ts, long price) {
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = 0;
        e.timestampNs = ts;
        e.priceE8 = price;
        e.sizeE8 = FixedPoint.ONE;
        e.tradeId = ts;
        handler.onEvent(e, 0, true);
    }

    private void quote(long ts, long bid, long ask, long bidSize, long askSize) {
        e.clear();
        e.type = EventType.QUOTE;
        e.instrumentId = 0;
        e.timestampNs = ts;
        e.quote.clear();
        if (bid > 0) {
            e.quote.bidLevels = 1;
            e.quote.askLevels = 1;
            e.quote.bidPriceE8[0] = bid;
            e.quote.askPriceE8[0] = ask;
            e.quote.bidSizeE8[0] = bidSize;
            e.quote.askSizeE8[0] = askSize;
        }
        handler.onEvent(e, 0, true);
    }

    private void heartbeat(long ts) {
        e.clear();
        e.type = EventType.HEARTBEAT;
        e.timestampNs = ts;
        handler.onEvent(e, 0, true);
    }

    @Test
    void shouldMatchANaiveSecondBySecondComputationOverRandomQuotes() {
        final Random random = new Random(18);
        final int seconds = 10 * 60;
        final long[] bid = new long[seconds];
        final long[] ask = new long[seconds];
        final long[] depth = new long[seconds];
        trade(T0, 100 * FixedPoint.ONE);
        long b = 0;
        long a = 0;
        long d = 0;
        for (int s = 0; s < seconds; s++) {
            final long ts = T0 + s * SEC;
            if (s == 0 || random.nextInt(3) == 0) {
                final boolean empty = s > 0 && random.nextInt(10) == 0; // the book lost for a while
                b = empty ? 0 : (100 + random.nextInt(5)) * FixedPoint.ONE;
                a = empty ? 0 : b + (1 + random.nextInt(20)) * 1_000_000L;
                final long bs = 1 + random.nextInt(1_000);
                final long as = 1 + random.nextInt(1_000);
                d = empty ? 0 : bs + as;
                quote(ts, b, a, bs, as);
            }
            bid[s] = b;
            ask[s] = a;
            depth[s] = d;
            heartbeat(ts + SEC / 2);
        }
        heartbeat(T0 + seconds * SEC + 3 * SEC);
        assertThat(closed).hasSize(seconds / 60);
        for (int m = 0; m < seconds / 60; m++) {
            final Candle c = closed.get(m);
            double spread = 0;
            double top = 0;
            long covered = 0;
            for (int s = m * 60; s < m * 60 + 60; s++) {
                if (bid[s] > 0) {
                    spread += ask[s] - bid[s];
                    top += depth[s];
                    covered++;
                }
            }
            final String seed = "seed 18, minute " + m;
            assertThat(c.bestBidE8).as(seed).isEqualTo(bid[m * 60 + 59]);
            assertThat(c.bestAskE8).as(seed).isEqualTo(ask[m * 60 + 59]);
            assertThat(c.bookCoverageNs).as(seed).isEqualTo(covered * SEC);
            if (covered > 0) {
                assertThat(c.meanSpreadE8).as(seed).isEqualTo(Math.round(spread / covered));
                assertThat(c.meanTopDepthE8).as(seed).isEqualTo(Math.round(top / covered));
            }
        }
    }

    @Test
    void shouldCarryAQuietBookThroughMinutesAndStopAtADisconnect() {
        trade(T0, 100 * FixedPoint.ONE);
        quote(T0 + 30 * SEC, 99 * FixedPoint.ONE, 101 * FixedPoint.ONE, 3, 5);
        heartbeat(T0 + 2 * MIN + 3 * SEC); // minutes 0 and 1 close
        assertThat(closed).hasSize(2);
        assertThat(closed.get(0).bookCoverageNs).isEqualTo(30 * SEC);
        assertThat(closed.get(0).meanSpreadE8).isEqualTo(2 * FixedPoint.ONE);
        assertThat(closed.get(1).bookCoverageNs).as("a quiet book is in force the whole minute").isEqualTo(MIN);
        assertThat(closed.get(1).meanTopDepthE8).isEqualTo(8);
        e.clear();
        e.type = EventType.FEED_STATUS;
        e.value = FeedStatus.DISCONNECTED;
        e.timestampNs = T0 + 2 * MIN + 15 * SEC;
        handler.onEvent(e, 0, true);
        heartbeat(T0 + 3 * MIN + 3 * SEC);
        final Candle third = closed.get(2);
        assertThat(third.bookCoverageNs).as("nothing known after the disconnect").isEqualTo(15 * SEC);
        assertThat(third.bestBidE8).isZero();
        assertThat(third.bestAskE8).isZero();
    }

    @Test
    void candlesWithoutQuotesHaveNoBookFields() {
        trade(T0, 100 * FixedPoint.ONE);
        heartbeat(T0 + MIN + 3 * SEC);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).bestBidE8).isZero();
        assertThat(closed.get(0).bookCoverageNs).isZero();
    }
}
