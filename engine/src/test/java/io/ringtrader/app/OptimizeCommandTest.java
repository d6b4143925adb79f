package io.ringtrader.app;

import io.ringtrader.backtest.OptimizeReport;
import io.ringtrader.backtest.BacktestTestData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.store.CandleParquetFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
