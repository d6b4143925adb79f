package io.ringtrader.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.research.BacktestOverfitting;
import io.ringtrader.research.DeflatedSharpe;
import io.ringtrader.research.ReturnMoments;
import io.ringtrader.research.WalkForward;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code optimize} found: the sets ranked by out-of-sample Sharpe ratio (then out-of-sample return, then grid
 * order), the deflated Sharpe ratio of the best set against all the sets tried, the probability of backtest
 * overfitting over the sets' joined out-of-sample returns, and the walk-forward chain (in each fold the set with
 * the best training Sharpe ratio, compounded over the test periods it then traded). Writes the console table,
 * {@code optimize.json}, {@code optimize.html} (a self-contained page of it) and {@code chosen_params.yaml} (the
 * best set as a {@code strategies.params} fragment).
 * Everything printed or written is a function of the inputs alone: the same seed gives the same bytes.
 */
public final class OptimizeReport {
    public static final String JSON = "optimize.json";
    public static final String YAML = "chosen_params.yaml";
    public static final String HTML = "optimize.html";
    private static final String ROW = "%4s  %-32s %9s %9s %9s %9s %8s %6s %7s %6s%n";

    private final OptimizeRunner.Settings s;
    private final LocalDate from;
    private final LocalDate to;
    private final WalkForward folds;
    private final List<OptimizeSetResult> ranked;
    private final List<OptimizeSetResult> resultsInGridOrder;
    private final Map<String, String> skipped;
    private final List<String> symbols;
    private final double[] sharpes;
    private final ReturnMoments bestMoments;
    private final double deflated;
    private final double sharpeBar;
    private final BacktestOverfitting.Result pbo;
    private final int blocks;
    private final int[] picks;
    private final double chainReturn;

    OptimizeReport(OptimizeRunner.Settings s, LocalDate from, LocalDate to, WalkForward folds,
                   List<OptimizeSetResult> results, Map<String, String> skipped, List<String> symbols) {
        this.s = s;
        this.from = from;
        this.to = to;
        this.folds = folds;
        this.skipped = skipped;
        this.symbols = symbols;
        final List<OptimizeSetResult> order = new ArrayList<>(results);
        order.sort(Comparator.comparingDouble(OptimizeSetResult::outOfSampleSharpe).reversed()
            .thenComparing(Comparator.comparingDouble(OptimizeSetResult::outOfSampleReturn).reversed())
            .thenComparingInt(OptimizeSetResult::index));
        this.ranked = List.copyOf(order);
        sharpes = new double[results.size()];
        final double[][] matrix = new double[results.size()][];
        for (int k = 0; k < results.size(); k++) {
            sharpes[k] = results.get(k).outOfSampleSharpePerMinute();
            matrix[k] = results.get(k).outOfSampleReturns();
        }
        final double[] best = ranked.get(0).outOfSampleReturns();
        bestMoments = ReturnMoments.of(best, best.length);
        sharpeBar = DeflatedSharpe.expectedMaxSharpe(variance(sharpes), sharpes.length);
        deflated = DeflatedSharpe.deflated(bestMoments, sharpes);
        final int periods = best.length;
        blocks = Math.min(s.pboBlocks(), periods - periods % 2);
        pbo = results.size() >= 2 && blocks >= 2 ? BacktestOverfitting.estimate(matrix, blocks) : null;
        final int foldCount = folds.folds().size();
        picks = new int[foldCount];
        double growth = 1;
        for (int f = 0; f < foldCount; f++) {
            int pick = 0;
            for (int k = 1; k < results.size(); k++) {
                if (results.get(k).inSampleSharpePerMinute(f) > results.get(pick).inSampleSharpePerMinute(f)) {
                    pick = k;
                }
            }
            picks[f] = pick;
            growth *= 1 + results.get(pick).test()[f].totalReturn();
        }
        chainReturn = growth - 1;
        this.resultsInGridOrder = List.copyOf(results);
    }

    void write(PrintStream console) throws IOException {
        final String table = table();
        console.print(table);
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final String json = mapper.writeValueAsString(json(mapper)) + "\n";
        BacktestFiles.write(s.out().resolve(JSON), json.getBytes(StandardCharsets.UTF_8));
        BacktestFiles.write(s.out().resolve(YAML), yaml().getBytes(StandardCharsets.UTF_8));
        // the page embeds optimize.json byte for byte, so its figures cannot disagree with it
        BacktestFiles.write(s.out().resolve(HTML), ReportPage.render("RingTrader optimize report",
            "optimize-body.html", "optimize.js",
            "{\"report\":" + json.trim() + "}"));
        console.println("Wrote " + s.out().resolve(JSON) + ", " + HTML + " and " + YAML);
        console.flush();
        for (String line : table.split("\n")) {
            BacktestRunner.LOG.info("Optimize {}: {}", s.strategy(), line);
        }
    }

    String table() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "rank", "parameters", "is_sharpe", "is_return", "oos_sharpe",
            "oos_return", "oos_dd", "fills", "fees", "oos+"));
        final int foldCount = folds.folds().size();
        for (int r = 0; r < ranked.size(); r++) {
            final OptimizeSetResult x = ranked.get(r);
            final String label = label(x);
            sb.append(String.format(Locale.ROOT, ROW, r + 1, label.length() > 32 ? label.substring(0, 29) + "..."
                : label, num(x.inSampleSharpe()), pct(x.inSampleMeanReturn()), num(x.outOfSampleSharpe()),
                pct(x.outOfSampleReturn()), pct(x.outOfSampleMaxDrawdown()), x.outOfSampleFills(),
                pct(x.outOfSampleFeeShare()), x.positiveTestPeriods() + "/" + foldCount));
        }
        sb.append(String.format(Locale.ROOT, "%d sets, %d folds (%s, train %s, test %s)%s%n", ranked.size(),
            foldCount, s.anchored() ? "anchored" : "rolling", hours(s.trainNs()), hours(s.testNs()),
            skipped.isEmpty() ? "" : "; " + skipped.size() + " sets skipped (invalid values, see " + JSON + ")"));
        sb.append(String.format(Locale.ROOT, "deflated Sharpe ratio of the best set: %s (its out-of-sample Sharpe"
            + " %s per minute over %,d minutes; the best of %d sets of pure luck would reach %s)%n",
            num(deflated), num4(bestMoments.sharpe()), bestMoments.count(), sharpes.length, num4(sharpeBar)));
        sb.append(pbo == null ? "probability of backtest overfitting: n/a (needs 2 sets)\n"
            : String.format(Locale.ROOT, "probability of backtest overfitting (CSCV, %d blocks, %,d splits): %s%n",
                blocks, pbo.splits(), num(pbo.pbo())));
        final StringBuilder chain = new StringBuilder();
        for (int f = 0; f < picks.length; f++) {
            chain.append(f == 0 ? "" : ", ").append(label(resultsInGridOrder.get(picks[f])));
        }
        sb.append(String.format(Locale.ROOT, "walk-forward (each fold trades the set with the best training"
            + " Sharpe): %s out-of-sample; picks: %s%n", pct(chainReturn), chain));
        sb.append("is_*: training periods (sharpe: joined minutes x sqrt(525600); return: mean per period);"
            + " oos_*: test periods only, net of fees and slippage (return compounded; dd: worst period); ranked by"
            + " oos_sharpe; oos+: test periods with a gain\n");
        return sb.toString();
    }

    private ObjectNode json(ObjectMapper mapper) {
        final ObjectNode root = mapper.createObjectNode();
        root.put("strategy", s.strategy());
        root.put("from", from.toString());
        root.put("to", to.toString());
        final ArrayNode sym = root.putArray("symbols");
        symbols.forEach(sym::add);
        root.put("search", s.samples() > 0 ? "random" : "grid");
        root.put("samples", s.samples());
        root.put("seed", s.seed());
        final ArrayNode params = root.putArray("params");
        s.params().forEach(params::add);
        final ObjectNode wf = root.putObject("walk_forward");
        wf.put("mode", s.anchored() ? "anchored" : "rolling");
        wf.put("train_hours", s.trainNs() / 3.6e12);
        wf.put("test_hours", s.testNs() / 3.6e12);
        final ArrayNode foldList = wf.putArray("folds");
        for (WalkForward.Fold f : folds.folds()) {
            final ObjectNode o = foldList.addObject();
            o.put("train_from", Rfc3339.formatMicros(f.trainFromNs()));
            o.put("test_from", Rfc3339.formatMicros(f.trainToNs()));
            o.put("test_to", Rfc3339.formatMicros(f.testToNs()));
        }
        final ArrayNode pickList = wf.putArray("picks");
        for (int pick : picks) {
            pickList.addObject().setAll(paramsNode(mapper, resultsInGridOrder.get(pick)));
        }
        wf.put("out_of_sample_return", BacktestFiles.decimal(chainReturn));
        final ObjectNode dsr = root.putObject("deflated_sharpe");
        dsr.put("value", BacktestFiles.decimal(deflated));
        dsr.put("trials", sharpes.length);
        dsr.put("best_sharpe_per_minute", BacktestFiles.decimal(bestMoments.sharpe()));
        dsr.put("expected_max_sharpe_per_minute", BacktestFiles.decimal(sharpeBar));
        dsr.put("periods", bestMoments.count());
        dsr.put("skewness", BacktestFiles.decimal(bestMoments.skewness()));
        dsr.put("kurtosis", BacktestFiles.decimal(bestMoments.kurtosis()));
        final ObjectNode p = root.putObject("pbo");
        if (pbo != null) {
            p.put("value", BacktestFiles.decimal(pbo.pbo()));
            p.put("blocks", blocks);
            p.put("splits", pbo.splits());
            p.put("mean_logit", BacktestFiles.decimal(pbo.meanLogit()));
        }
        final ArrayNode sets = root.putArray("sets");
        for (int r = 0; r < ranked.size(); r++) {
            final OptimizeSetResult x = ranked.get(r);
            final ObjectNode o = sets.addObject();
            o.put("rank", r + 1);
            o.set("params", paramsNode(mapper, x));
            final ObjectNode is = o.putObject("in_sample");
            is.put("sharpe", BacktestFiles.decimal(x.inSampleSharpe()));
            is.put("mean_return", BacktestFiles.decimal(x.inSampleMeanReturn()));
            final ObjectNode oos = o.putObject("out_of_sample");
            oos.put("sharpe", BacktestFiles.decimal(x.outOfSampleSharpe()));
            oos.put("return", BacktestFiles.decimal(x.outOfSampleReturn()));
            oos.put("max_drawdown", BacktestFiles.decimal(x.outOfSampleMaxDrawdown()));
            oos.put("fills", x.outOfSampleFills());
            oos.put("fee_share", BacktestFiles.decimal(x.outOfSampleFeeShare()));
            oos.put("positive_periods", x.positiveTestPeriods());
            final ArrayNode perFold = o.putArray("folds");
            for (int f = 0; f < x.test().length; f++) {
                final ObjectNode fo = perFold.addObject();
                fo.put("in_sample_return", BacktestFiles.decimal(x.train()[f].totalReturn()));
                fo.put("in_sample_sharpe", BacktestFiles.decimal(x.train()[f].stats().metrics().sharpe()));
                fo.put("out_of_sample_return", BacktestFiles.decimal(x.test()[f].totalReturn()));
                fo.put("out_of_sample_sharpe", BacktestFiles.decimal(x.test()[f].stats().metrics().sharpe()));
                fo.put("out_of_sample_fills", x.test()[f].stats().fills());
            }
        }
        final ObjectNode skip = root.putObject("skipped");
        skipped.forEach(skip::put);
        root.set("chosen", paramsNode(mapper, ranked.get(0)));
        return root;
    }

    private static ObjectNode paramsNode(ObjectMapper mapper, OptimizeSetResult x) {
        final ObjectNode o = mapper.createObjectNode();
        x.params().forEach((k, v) -> o.put(k, new java.math.BigDecimal(v)));
        return o;
    }

    /** The best set as a fragment of {@code engine.yaml}. */
    String yaml() {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# optimize %s on %s..%s: the best out-of-sample Sharpe ratio of %d"
            + " sets (%s); deflated Sharpe %s, PBO %s%n", s.strategy(), from, to, ranked.size(),
            String.format(Locale.ROOT, "%.2f", ranked.get(0).outOfSampleSharpe()), num(deflated),
            pbo == null ? "n/a" : num(pbo.pbo())));
        sb.append("strategies:\n  params:\n    ").append(s.strategy()).append(":\n");
        ranked.get(0).params().forEach((k, v) -> sb.append("      ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static String label(OptimizeSetResult x) {
        final StringBuilder sb = new StringBuilder();
        x.params().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static double variance(double[] values) {
        final ReturnMoments m = ReturnMoments.of(values, values.length);
        return m.stdDev() * m.stdDev();
    }

    private static String hours(long ns) {
        final double h = ns / 3.6e12;
        return h == Math.rint(h) ? (long) h + "h" : String.format(Locale.ROOT, "%.2fh", h);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    private static String num4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }
}
