package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTableTest {
    private static BacktestStats stats(String name, PerformanceMetrics m, int sells) {
        final int[] exits = new int[ExitReason.COUNT];
        exits[ExitReason.STOP_LOSS] = sells;
        return new BacktestStats(name, List.of(name), m, sells * 2, sells, sells, 1, FixedPoint.parse("100000"),
            FixedPoint.parse("101234.56789"), FixedPoint.parse("1500"), 0, 0, 0, FixedPoint.parse("250000"), exits);
    }

    @Test
    void shouldPrintOneFixedWidthRowPerRunWithInfinityAndNoTradesSpelledOut() {
        final PerformanceMetrics up = new PerformanceMetrics(0.0123456, 1.5, Double.POSITIVE_INFINITY, 0.02, 3,
            2.0 / 3, 4.0, 0.5, 100);
        final PerformanceMetrics flat = new PerformanceMetrics(0, 0, 0, 0, 0, 0, 0, 0, 100);
        final String table = BacktestTable.render(stats("portfolio", up, 3),
            List.of(stats("trend_following", up, 3), stats("a_strategy_with_a_very_long_name", flat, 0)),
            stats("buy_and_hold", flat, 0));
        final String[] lines = table.split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).startsWith("run").contains("return", "sharpe", "sortino", "max_dd", "expo");
        assertThat(lines[1]).startsWith("portfolio ").contains("1.23%", "1.50", "inf", "2.00%", "66.67%", "4.00",
            "50.00%", "101234.56", "1.50%", "2.5x", "stop_loss=3");
        assertThat(lines[2]).startsWith("trend_following ");
        assertThat(lines[3]).startsWith("a_strategy_with_a_ver...").contains(" - ");
        assertThat(lines[4]).startsWith("buy_and_hold ");
        assertThat(lines[5]).isEqualTo("portfolio = portfolio");
    }
}
