package io.ringtrader.portfolio;

import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Test fixture: runs a {@link SyntheticFeed} through a handler and a real writer into a directory. */
final class TestFiles {
    static final RiskConfig RISK = new RiskConfig(0.10, 0.25, 0.80, 0.70, 20, 0.15, 0.10, false);
    static final PortfolioConfig PORTFOLIO = new PortfolioConfig(100_000 * FixedPoint.ONE, 60, 5, false, 60, 0,
        1 << 16);
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
        final Optional<Portfolio> restored = StateFile.load(state(dir), SyntheticFeed.INSTRUMENTS);
        final Portfolio portfolio = restored.orElseGet(() -> new Portfolio(SyntheticFeed.INSTRUMENTS.size(),
            PORTFOLIO.startingCashE8()));
        final PortfolioOutbox outbox = new PortfolioOutbox(PORTFOLIO.writerQueueCapacity(),
            SyntheticFeed.INSTRUMENTS.size());
        final RiskPortfolioHandler handler = new RiskPortfolioHandler(risk, PORTFOLIO, SyntheticFeed.INSTRUMENTS,
            portfolio, outbox, new PortfolioView(SyntheticFeed.INSTRUMENTS.size()));
        try (TradeLogWriter writer = new TradeLogWriter(log(dir), state(dir), SyntheticFeed.INSTRUMENTS,
            id -> STRATEGIES[id], outbox)) {
            writer.start(restored.map(Portfolio::tradeCount).orElse(-1L));
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
