package io.ringtrader.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrader.event.Fill;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.portfolio.TradeLogFormat;
import io.ringtrader.strategy.PerformanceMetrics;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The backtest's output files, rendered as bytes (pure functions of their inputs, no wall clock, fixed
 * {@link Locale#ROOT} formatting, {@code \n} line ends: same inputs give byte-identical files) and written
 * temp, fsync, atomic rename. Stateless.
 */
final class BacktestFiles {
    static final String TRADES = "live_trades.csv";
    static final String EQUITY = "equity.csv";
    static final String REPORT = "report.json";
    static final String EQUITY_HEADER = "time,equity,drawdown";

    private BacktestFiles() {
    }

    /** The trade log of a run: the live trade log's header and rows ({@link TradeLogFormat}). */
    static byte[] trades(BacktestResult result, Instruments instruments, StrategyRegistry registry) {
        final StringBuilder sb = new StringBuilder(256 + 192 * result.fills().size());
        sb.append(TradeLogFormat.HEADER).append('\n');
        for (Fill f : result.fills()) {
            TradeLogFormat.appendRow(sb, f, instruments.get(f.instrumentId).symbol(),
                f.strategyId < 0 ? "risk" : registry.name(f.strategyId));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One row per minute: its close (exchange time, RFC 3339), the equity after it, and the drawdown from the
     * running peak of the curve (which starts at the starting cash) as a fraction with 8 decimals.
     */
    static byte[] equity(BacktestResult result) {
        final StringBuilder sb = new StringBuilder(64 + 64 * result.minutes());
        sb.append(EQUITY_HEADER).append('\n');
        long peak = result.startingCashE8();
        for (int m = 0; m < result.minutes(); m++) {
            final long equity = result.equityE8(m);
            peak = Math.max(peak, equity);
            final double drawdown = peak <= 0 ? 0 : (double) (peak - equity) / peak;
            Rfc3339.appendMicros(sb, result.timeNs(m));
            sb.append(',');
            FixedPoint.appendTo(sb, equity);
            sb.append(',').append(String.format(Locale.ROOT, "%.8f", drawdown)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The report: the run's settings, then the portfolio's figures and each strategy's alone. */
    static byte[] report(ObjectNode header, BacktestStats portfolio, List<BacktestStats> strategies,
                         BacktestStats buyAndHold) throws IOException {
        final ObjectMapper mapper = new ObjectMapper();
        final ObjectNode root = mapper.createObjectNode();
        root.setAll(header);
        root.put("annualisation", "Sharpe and Sortino: mean per-minute equity return over its (downside) deviation,"
            + " x sqrt(525600); zero risk-free rate");
        root.put("trades", "fills = buys + sells; closing trades = sells (realized P&L net of fees at average cost),"
            + " used for win_rate and profit_factor; round_trips = positions taken from flat back to zero");
        root.set("portfolio", stats(mapper, portfolio));
        final ArrayNode list = root.putArray("strategies");
        for (BacktestStats s : strategies) {
            list.add(stats(mapper, s));
        }
        root.set(BacktestStats.BUY_AND_HOLD, stats(mapper, buyAndHold));
        final DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        final byte[] json = mapper.writer(printer).with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .writeValueAsBytes(root);
        final byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    private static ObjectNode stats(ObjectMapper mapper, BacktestStats s) {
        final PerformanceMetrics m = s.metrics();
        final ObjectNode o = mapper.createObjectNode();
        o.put("name", s.name());
        final ArrayNode names = o.putArray("strategies");
        s.strategies().forEach(names::add);
        o.put("total_return", decimal(m.totalReturn()));
        o.put("sharpe", decimal(m.sharpe()));
        o.put("sortino", decimal(m.sortino()));
        o.put("max_drawdown", decimal(m.maxDrawdown()));
        o.put("fills", s.fills());
        o.put("buys", s.buys());
        o.put("closing_trades", s.sells());
        o.put("round_trips", s.roundTrips());
        o.put("win_rate", decimal(m.winRate()));
        o.put("profit_factor", decimal(m.profitFactor()));
        o.put("exposure", decimal(m.exposure()));
        o.put("minutes", m.periods());
        o.put("starting_cash", money(s.startingCashE8()));
        o.put("final_equity", money(s.finalEquityE8()));
        o.put("realized_pnl", money(s.realizedPnlE8()));
        o.put("fees", money(s.feesE8()));
        o.put("fee_share", decimal(s.feeShare()));
        o.put("turnover", money(s.turnoverE8()));
        o.put("turnover_multiple", decimal(s.turnover()));
        final ObjectNode exits = o.putObject("exits");
        for (byte k = ExitReason.SIGNAL; k < ExitReason.COUNT; k++) {
            exits.put(ExitReason.name(k), s.exits(k));
        }
        o.put("actionable_signals", s.actionableSignals());
        o.put("risk_rejected_signals", s.rejectedSignals());
        return o;
    }

    /** 8 decimals, half-even, plain; null for a non-finite value (Sortino or profit factor without losses). */
    static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        final BigDecimal d = BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    static BigDecimal money(long e8) {
        return BigDecimal.valueOf(e8, FixedPoint.SCALE).stripTrailingZeros();
    }

    /** Writes {@code bytes} to {@code path} atomically ({@link io.ringtrader.files.AtomicFile}). */
    static void write(Path path, byte[] bytes) throws IOException {
        io.ringtrader.files.AtomicFile.write(path, bytes);
    }
}
