package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Side;
import java.util.concurrent.atomic.AtomicBoolean;
import io.ringtrader.order.OrderBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PortfolioViewTest {

    @Test
    @Timeout(120)
    void readersShouldNeverSeeATornStateWhileTheHandlerPublishes() throws InterruptedException {
        final Portfolio p = new Portfolio(2, 1_000_000 * FixedPoint.ONE);
        final PaperBroker broker = new PaperBroker(p, 0, 0, 0);
        final Instrument a = new Instrument(0, "A", "A-USD", 1, 1, 1, 0);
        final PortfolioView view = new PortfolioView(2);
        final OrderBook book = new OrderBook(2, 4);
        final AtomicBoolean stop = new AtomicBoolean();
        final Thread writer = new Thread(() -> {
            final Fill fill = new Fill();
            long i = 0;
            while (!stop.get()) {
                p.mark(0, (100 + (i % 50)) * FixedPoint.ONE);
                MarketFills.execute(broker, a, i % 2 == 0 ? Side.BUY : Side.SELL, FixedPoint.ONE, i, fill);
                p.stamp(i, i);
                view.publish(p, book);
                i++;
            }
        });
        writer.start();
        final PortfolioView.Copy c = view.newCopy();
        int reads = 0;
        while (reads < 200_000) {
            if (view.read(c)) {
                reads++;
                assertThat(c.equityE8).isEqualTo(c.cashE8 + FixedPoint.multiply(c.quantityE8[0], c.lastPriceE8[0]));
            }
        }
        stop.set(true);
        writer.join();
    }

    @Test
    void shouldReportNothingBeforeTheFirstPublication() {
        final PortfolioView view = new PortfolioView(1);
        assertThat(view.read(view.newCopy())).isFalse();
    }
}
