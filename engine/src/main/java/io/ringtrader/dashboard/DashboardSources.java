package io.ringtrader.dashboard;

import io.ringtrader.event.Instruments;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.store.CandleView;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Everything the dashboard reads, each a view the engine keeps off the ring or a file a background writer owns:
 * the portfolio's seqlock view, the signal view, the candles the Parquet writer holds, the counters and latency
 * histograms, the trade log and the state file. Nothing here is a stage's own state. {@code portfolio},
 * {@code signals} and {@code strategies} are null in {@code data-only}.
 *
 * @param mode             the command ({@code live-trading}, {@code replay}, ...)
 * @param instruments      symbols by instrument id
 * @param quoteCurrency    e.g. USD
 * @param startingCashE8   the configured starting cash (P&amp;L is measured against it)
 * @param portfolio        the portfolio stage's view, or null
 * @param signals          the latest signal per symbol, or null
 * @param strategies       the active strategies and why, or null
 * @param candles          closed candles of the retention window
 * @param counters         feed and stage counters
 * @param latency          per-stage latency histograms (folded by the telemetry thread)
 * @param feedState        the feed's connection state
 * @param tradeLog         {@code live_trades.csv}
 * @param stateFile        {@code portfolio_state.json}
 */
public record DashboardSources(String mode, Instruments instruments, String quoteCurrency, long startingCashE8,
                               PortfolioView portfolio, SignalView signals, StrategiesView strategies,
                               CandleView candles, Counters counters, LatencyTracker latency,
                               Supplier<String> feedState, Path tradeLog, Path stateFile) {
}
