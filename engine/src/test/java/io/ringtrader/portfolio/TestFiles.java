package io.ringtrader.portfolio;

import io.ringtrader.config.OrderConfig;
import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.order.OrderBook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Test fixture: runs a {@link SyntheticFeed} through a handler and a real writer into a directory. */
final class TestFiles {
    static final RiskConfig RISK = new RiskConfig(0.10, 0.25, 0.80, 0.70, 20, 0.15, 0.10, false, 24);
    static final PortfolioConfig PORTFOLIO = new PortfolioConfig(100_000 * FixedPoint.ONE, 60, 40, 5, false, 60,
        0, 1 << 16);
    /**
     * Limit entries, exits at 1 % stop / 2 % take-profit / 1.5 % trail, 5-minute cooldown and minimum hold: the
     * synthetic streams last about an hour of exchange time, so the desk must turn over within it.
     */
    static final OrderConfig ORDERS = new OrderConfig("limit", 0, 120, 50, 0.25, 10, 0, 0.01, 0, 0.02, 0, 0.015, 0,
        14, 1, 0.5, 5, 8, 5, true);
    /** The same with market entries. */
    static final OrderConfig MARKET_ORDERS = new OrderConfig("market", 0, 120, 50, 0.25, 10, 0, 0.01, 0, 0.02, 0,
        0.015, 0, 14, 1, 0.5, 5, 8, 5, true);
    static final String[] STRATEGIES = {"trend_following", "mean_reversion", "momentum, fast"};

    private TestFiles() {
    }

    static Path log(Path dir) {
        return dir.resolve("live_trades.csv");
    }

    static Path state(Path dir) {
        return dir.resolve("portfolio_state.json");
    }

    /**
     * Feeds events {@code [0, count)} of {@code seed} into {@code dir}, restoring the state file there if any
     * (events it already reflects are skipped by the handler), then stops cleanly.
     */
    static RiskPortfolioHandler run(Path dir, long seed, int count, RiskConfig risk) throws IOException {
        final int n = SyntheticFeed.INSTRUMENTS.size();
        final int slots = ORDERS.maxOrdersPerSymbol();
        final Optional<PortfolioSnapshot> restored = StateFile.load(state(dir), SyntheticFeed.INSTRUMENTS, slots);
        final Portfolio portfolio = restored.map(Portfolio::restore).orElseGet(() -> new Portfolio(n,
            PORTFOLIO.startingCashE8()));
        final OrderBook book = RiskPortfolioHandler.freshBook(ORDERS, n);
        restored.ifPresent(s -> book.copyFrom(s.orders));
        final PortfolioOutbox outbox = new PortfolioOutbox(PORTFOLIO.writerQueueCapacity(), n, slots);
        final RiskPortfolioHandler handler = new RiskPortfolioHandler(risk, PORTFOLIO, ORDERS,
            SyntheticFeed.INSTRUMENTS, portfolio, book, outbox, new PortfolioView(n));
        try (TradeLogWriter writer = new TradeLogWriter(log(dir), state(dir), SyntheticFeed.INSTRUMENTS,
            id -> STRATEGIES[id], outbox, slots)) {
            writer.start(restored.map(s -> s.tradeCount).orElse(-1L));
            final SyntheticFeed feed = new SyntheticFeed(seed);
            final MarketEvent e = new MarketEvent(16);
            for (int i = 0; i < count; i++) {
                feed.next(e);
                handler.onEvent(e, i, true);
            }
            handler.onShutdown();
        }
        return handler;
    }
}
