package io.ringtrader.app;

import io.ringtrader.backtest.OptimizeReport;
import io.ringtrader.backtest.BacktestTestData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.dashboard.Chromium;
import io.ringtrader.store.CandleParquetFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize} on the three real 2018 days of BTC (QuantConnect Lean's Coinbase minute bars): in-sample and
 * out-of-sample figures per set, the deflated Sharpe ratio and PBO, and byte-identical output for one seed whatever
 * the number of threads.
 */
@Tag("slow")
@Timeout(300)
class OptimizeCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeRealDays() throws Exception {
        for (LocalDate day = BacktestTestData.DAY1; !day.isAfter(LocalDate.of(2018, 4, 6)); day = day.plusDays(1)) {
            CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dir.resolve("data"), "BTC", day), "BTC",
                BacktestTestData.lean("BTC", -1, day), CandleParquetFiles.codec("snappy"));
        }
    }

    private String run(String... extra) {
        final List<String> args = new java.util.ArrayList<>(List.of("optimize", "--symbols", "BTC", "--from",
            "2018-04-04", "--to", "2018-04-06", "--data-dir", dir.resolve("data").toString(), "--logs-dir",
            dir.resolve("logs").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--strategy")) {
            args.addAll(List.of("--strategy", "trend_following"));
        }
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final int code;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args.toArray(new String[0]));
        } finally {
            System.setOut(stdout);
        }
        final String text = console.toString(StandardCharsets.UTF_8);
        return code + "\n" + text;
    }

    @Test
    void shouldRankOnOutOfSampleFiguresWithDsrAndPboAndRepeatItselfExactlyForOneSeed() throws Exception {
        final String[] grid = {"--param", "fast_period=5..30:5", "--param", "slow_period=20..100:10",
            "--samples", "8"};
        final String[] search = concat(grid, "--seed", "7");
        final String first = run(concat(search, "--out", dir.resolve("a").toString(), "--threads", "2"));
        assertThat(first).as(err.toString()).startsWith("0\n");
        final String second = run(concat(search, "--out", dir.resolve("b").toString(), "--threads", "1"));
        assertThat(second).startsWith("0\n");
        assertThat(first).contains(" parameter sets x 4 walk-forward folds (rolling)")
            .contains("deflated Sharpe ratio of the best set:").contains("probability of backtest overfitting (CSCV,"
                + " 16 blocks, 12,870 splits)").contains("walk-forward (each fold trades");
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(OptimizeReport.JSON)))
            .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(OptimizeReport.JSON)));
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(OptimizeReport.YAML)))
            .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(OptimizeReport.YAML)));
        assertThat(table(first)).isEqualTo(table(second));
        final String html = Files.readString(dir.resolve("a").resolve(OptimizeReport.HTML));
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=");
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(OptimizeReport.HTML))).as("same seed, same page")
            .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(OptimizeReport.HTML)));
        final Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
            Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1).replace("<\\/", "</")).as("optimize.json embedded byte for byte")
            .isEqualTo("{\"report\":" + Files.readString(dir.resolve("a").resolve(OptimizeReport.JSON)).trim() + "}");

        final JsonNode report = new ObjectMapper().readTree(dir.resolve("a").resolve(OptimizeReport.JSON).toFile());
        // 8 sets drawn; those with fast_period >= slow_period are refused by the strategy and listed as skipped
        final int sets = report.path("sets").size();
        assertThat(sets + report.path("skipped").size()).isEqualTo(8);
        assertThat(sets).isGreaterThan(4);
        for (JsonNode why : report.path("skipped")) {
            assertThat(why.asText()).contains("must be < slow_period");
        }
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode set : report.path("sets")) {
            assertThat(set.path("in_sample").has("sharpe")).isTrue();
            assertThat(set.path("folds")).hasSize(4);
            final double oos = set.path("out_of_sample").path("sharpe").asDouble();
            assertThat(oos).isLessThanOrEqualTo(previous); // ranked on out-of-sample only
            previous = oos;
        }
        final double dsr = report.path("deflated_sharpe").path("value").asDouble();
        final double pbo = report.path("pbo").path("value").asDouble();
        assertThat(dsr).isBetween(0.0, 1.0);
        assertThat(pbo).isBetween(0.0, 1.0);
        assertThat(report.path("deflated_sharpe").path("trials").asInt()).isEqualTo(sets);
        assertThat(Files.readString(dir.resolve("a").resolve(OptimizeReport.YAML)))
            .contains("strategies:\n  params:\n    trend_following:\n      fast_period: "
                + report.path("chosen").path("fast_period").asText() + "\n");

        // another seed draws other sets
        assertThat(run(concat(grid, "--out", dir.resolve("c").toString(), "--seed", "8"))).startsWith("0\n");
        assertThat(Files.readAllBytes(dir.resolve("c").resolve(OptimizeReport.JSON)))
            .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(OptimizeReport.JSON)));
    }

    @Test
    void shouldDrawOptimizeHtmlInARealBrowserWithEveryFigureOfOptimizeJson() throws Exception {
        final Chromium chromium = Chromium.require(dir);
        final Path out = dir.resolve("page");
        assertThat(run("--param", "fast_period=5..30:5", "--param", "slow_period=20..100:10", "--samples", "8",
            "--seed", "7", "--out", out.toString())).as(err.toString()).startsWith("0\n");
        final JsonNode report = new ObjectMapper().readTree(out.resolve(OptimizeReport.JSON).toFile());
        final String url = out.resolve(OptimizeReport.HTML).toUri().toString();
        final String dom = chromium.dumpDom(url, 8_000);
        assertThat(dom).containsPattern("<body[^>]*data-ready=\"true\"");
        assertThat(Chromium.attribute(dom, "sharpe-chart", "data-drawn")).isEqualTo("true");
        assertThat(Chromium.attribute(dom, "folds-chart", "data-drawn")).isEqualTo("true");
        assertThat(Chromium.attribute(dom, "sharpe-chart", "data-points")).isEqualTo(
            Integer.toString(report.get("sets").size()));
        int cells = 0;
        for (JsonNode set : report.get("sets")) {
            final Map<String, String> row = cells(dom, "<tr data-rank=\"" + set.get("rank").asText() + "\"");
            final Map<String, String> expected = new LinkedHashMap<>();
            expected.put("rank", set.get("rank").asText());
            expected.put("params", label(set.get("params")));
            for (String part : List.of("in_sample", "out_of_sample")) {
                set.get(part).properties().forEach(e -> expected.put(part + "." + e.getKey(), e.getValue().asText()));
            }
            for (int f = 0; f < set.get("folds").size(); f++) {
                final String prefix = "folds." + f + ".";
                set.get("folds").get(f).properties().forEach(e -> expected.put(prefix + e.getKey(),
                    e.getValue().asText()));
            }
            assertThat(row.keySet()).as("set " + set.get("rank")).isEqualTo(expected.keySet());
            expected.forEach((key, value) -> assertSame(row.get(key), value, "set " + set.get("rank") + " " + key));
            cells += row.size();
        }
        assertThat(cells).isEqualTo(report.get("sets").size() * (10 + 5 * report.get("walk_forward").get("folds")
            .size()));
        final JsonNode wf = report.get("walk_forward");
        for (int f = 0; f < wf.get("folds").size(); f++) {
            final Map<String, String> row = cells(dom, "<tr data-fold=\"" + (f + 1) + "\"");
            wf.get("folds").get(f).properties().forEach(e -> assertThat(row.get(e.getKey())).isEqualTo(
                e.getValue().asText()));
            assertThat(row.get("pick")).isEqualTo(label(wf.get("picks").get(f)));
        }
        final Map<String, String> summary = cells(dom, "id=\"summary\"");
        assertSame(summary.get("deflated_sharpe.value"), report.get("deflated_sharpe").get("value").asText(), "DSR");
        assertSame(summary.get("deflated_sharpe.trials"), report.get("deflated_sharpe").get("trials").asText(), "N");
        assertSame(summary.get("pbo.value"), report.get("pbo").get("value").asText(), "PBO");
        assertSame(summary.get("walk_forward.out_of_sample_return"), wf.get("out_of_sample_return").asText(), "wf");
        assertThat(summary.get("chosen")).isEqualTo(label(report.get("chosen")))
            .isEqualTo(label(report.get("sets").get(0).get("params")));
        chromium.screenshot(url, Path.of("target", "optimize.png"), 1600, 8_000);
    }

    /** key -> value of the figure cells of the table part starting at {@code marker} (up to its end). */
    private static Map<String, String> cells(String dom, String marker) {
        final int from = dom.indexOf(marker);
        assertThat(from).as(marker).isNotNegative();
        final int to = dom.indexOf(marker.startsWith("<tr") ? "</tr>" : "</table>", from);
        final Map<String, String> out = new LinkedHashMap<>();
        final Matcher m = Pattern.compile("data-key=\"([^\"]+)\" data-value=\"([^\"]*)\"")
            .matcher(dom.substring(from, to));
        while (m.find()) {
            out.put(m.group(1), Chromium.decode(m.group(2)));
        }
        return out;
    }

    /** A page cell equals its optimize.json value: as a number when it is one, else as text. */
    private static void assertSame(String shown, String json, String what) {
        assertThat(shown).as(what).isNotNull();
        if ("null".equals(json)) {
            assertThat(shown).as(what).isEqualTo("-");
        } else if (json.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            assertThat(new BigDecimal(shown)).as(what).isEqualByComparingTo(new BigDecimal(json));
        } else {
            assertThat(shown).as(what).isEqualTo(json);
        }
    }

    private static String label(JsonNode params) {
        final StringBuilder sb = new StringBuilder();
        params.properties().forEach(e -> sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=')
            .append(e.getValue().asText()));
        return sb.toString();
    }

    @Test
    void shouldExitTwoOnAnUnknownParameterOrStrategyOrNoFold() {
        assertThat(run("--param", "fast=5..10:5", "--out", dir.resolve("x").toString())).startsWith("2\n");
        assertThat(err.toString()).contains("strategies.params.trend_following.fast: unknown key");
        assertThat(run("--param", "fast_period=5", "--strategy", "nope", "--out", dir.resolve("x").toString()))
            .startsWith("2\n");
        assertThat(err.toString()).contains("--strategy: unknown strategy 'nope'");
        assertThat(run("--param", "fast_period=5", "--train", "3d", "--out", dir.resolve("x").toString()))
            .startsWith("2\n");
        assertThat(err.toString()).contains("no fold fits");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        final String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The console text after the progress bar (which shows rates and times). */
    private static String table(String console) {
        return console.substring(console.indexOf("rank  parameters"), console.indexOf("Wrote "));
    }
}
