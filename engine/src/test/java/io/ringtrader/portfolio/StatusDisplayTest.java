package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.order.Order;
import io.ringtrader.order.OrderBook;
import org.junit.jupiter.api.Test;

class StatusDisplayTest {

    @Test
    void shouldRenderCashValuePnlPositionsDrawdownAndHealth() {
        final Portfolio p = new Portfolio(SyntheticFeed.INSTRUMENTS.size(), 100_000 * FixedPoint.ONE);
        final PaperBroker broker = new PaperBroker(p, 0, 0, 0);
        p.mark(0, 60_000 * FixedPoint.ONE);
        MarketFills.execute(broker, SyntheticFeed.INSTRUMENTS.get(0), Side.BUY, FixedPoint.ONE / 2, 0, new Fill());
        p.mark(0, 50_000 * FixedPoint.ONE);
        p.stamp(SyntheticFeed.START_NS, 7);
        final PortfolioView view = new PortfolioView(SyntheticFeed.INSTRUMENTS.size());
        final StatusDisplay display = new StatusDisplay(view, SyntheticFeed.INSTRUMENTS, 100_000 * FixedPoint.ONE,
            () -> "feed 120 trades/s, p99 4 us, gaps 0, reconnects 1", 10, System.out);
        assertThat(display.render()).contains("no events yet").contains("reconnects 1");
        view.publish(p, new OrderBook(p.instrumentCount(), 4));
        final String text = display.render();
        assertThat(text).contains("2026-01-01T00:00:00Z")
            .contains("cash 70000.00").contains("total 95000.00").contains("P&L -5000.00")
            .contains("drawdown 5.00%").contains("trades 1")
            .containsPattern("BTC +0.5 +50000 +25000.00 +-5000.00")
            .contains("health: feed 120 trades/s");
        assertThat(text).doesNotContain("standing aside");

        final OrderBook book = new OrderBook(p.instrumentCount(), 4);
        final Order stop = book.allocate(0, 0);
        stop.side = Side.SELL;
        stop.type = OrderType.STOP;
        stop.exitReason = ExitReason.STOP_LOSS;
        stop.state = OrderState.ACCEPTED;
        stop.quantityE8 = FixedPoint.ONE / 2;
        stop.stopPriceE8 = 48_500 * FixedPoint.ONE;
        final Order takeProfit = book.allocate(0, 0);
        takeProfit.side = Side.SELL;
        takeProfit.type = OrderType.LIMIT;
        takeProfit.exitReason = ExitReason.TAKE_PROFIT;
        takeProfit.state = OrderState.ACCEPTED;
        takeProfit.quantityE8 = FixedPoint.ONE / 2;
        takeProfit.limitPriceE8 = 63_000 * FixedPoint.ONE;
        view.publish(p, book, true);
        assertThat(display.render()).containsPattern("BTC +0.5 +50000 +25000.00 +-5000.00 +2 +48500 +63000")
            .contains("standing aside");
    }

    @Test
    void shouldPrintPeriodicallyOnItsOwnThreadAndStop() throws InterruptedException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final PortfolioView view = new PortfolioView(1);
        final StatusDisplay display = new StatusDisplay(view, SyntheticFeed.INSTRUMENTS, 0, () -> "ok", 1, out);
        assertThat(display.roleName()).isEqualTo("status-display");
        display.start();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("status-display"))
            .isNotEmpty().allMatch(Thread::isDaemon);
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (bytes.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        display.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("health: ok");
    }
}
