package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.dashboard.Chromium;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest} writes report.html: self-contained, deterministic, drawn in a browser, equal to report.json. */
class BacktestReportHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeCandles() throws IOException {
        data = dir.resolve("data");
        BacktestTestData.write(data);
    }

    private Path backtest(String name) throws IOException {
        final Path out = dir.resolve(name);
        final EngineConfig config = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        assertThat(new BacktestRunner(config, data, "2018-04-04", "2018-04-05", null, out,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run()).isZero();
        return out;
    }

    /** The JSON embedded in the page's data element. */
    private static JsonNode embedded(String html) throws IOException {
        final Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
            Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return JSON.readTree(m.group(1).replace("<\\/", "</"));
    }

    @Test
    void shouldWriteOneSelfContainedDeterministicPageHoldingReportJson() throws IOException {
        final Path out = backtest("a");
        final String html = Files.readString(out.resolve(BacktestReportHtml.FILE));
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
            .contains("echarts");
        final JsonNode report = JSON.readTree(out.resolve(BacktestFiles.REPORT).toFile());
        final JsonNode data = embedded(html);
        assertThat(data.get("report")).isEqualTo(report);
        final List<String> curves = new ArrayList<>();
        data.get("curves").forEach(c -> curves.add(c.get("name").asText()));
        final List<String> expected = new ArrayList<>(List.of("portfolio"));
        report.get("strategies").forEach(s -> expected.add(s.get("name").asText()));
        expected.add("buy_and_hold");
        assertThat(curves).isEqualTo(expected);
        // each curve ends where its run's final equity says (to the cent)
        for (JsonNode c : data.get("curves")) {
            final JsonNode run = c.get("name").asText().equals("portfolio") ? report.get("portfolio")
                : c.get("name").asText().equals("buy_and_hold") ? report.get("buy_and_hold")
                : find(report.get("strategies"), c.get("name").asText());
            final JsonNode points = c.get("points");
            assertThat(points.get(points.size() - 1).get(1).asDouble()).as(c.get("name").asText())
                .isCloseTo(run.get("final_equity").asDouble(), org.assertj.core.data.Offset.offset(0.011));
            double worst = 0;
            for (JsonNode p : points) {
                worst = Math.max(worst, p.get(2).asDouble());
            }
            assertThat(worst).as(c.get("name").asText() + " max drawdown")
                .isCloseTo(run.get("max_drawdown").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
        final long rows = Files.readAllLines(out.resolve(BacktestFiles.TRADES)).size() - 1;
        assertThat(data.get("fills").size()).isEqualTo(rows);
        assertThat(data.get("prices").get("BTC").get("bars").size()).isPositive();
        assertThat(Files.readAllBytes(backtest("b").resolve(BacktestReportHtml.FILE)))
            .as("same run, same bytes").isEqualTo(Files.readAllBytes(out.resolve(BacktestReportHtml.FILE)));
    }

    @Test
    void shouldMergeMinutesIntoLongerBarsOnlyWhenTheChartWouldHoldTooMany() {
        assertThat(BacktestReportHtml.barMinutes(2 * 1440)).isEqualTo(1);
        assertThat(BacktestReportHtml.barMinutes(7 * 1440)).isEqualTo(5);
        assertThat(BacktestReportHtml.barMinutes(365 * 1440)).isEqualTo(240);
    }

    @Test
    @Timeout(180)
    void shouldDrawInARealBrowserWithTheFiguresOfReportJson() throws Exception {
        final Chromium chromium = Chromium.require(dir);
        final Path out = backtest("c");
        final String url = out.resolve(BacktestReportHtml.FILE).toUri().toString();
        final String dom = chromium.dumpDom(url, 8_000);
        assertThat(dom).containsPattern("<body[^>]*data-ready=\"true\"");
        final JsonNode report = JSON.readTree(out.resolve(BacktestFiles.REPORT).toFile());
        final List<JsonNode> runs = new ArrayList<>();
        runs.add(report.get("portfolio"));
        report.get("strategies").forEach(runs::add);
        runs.add(report.get("buy_and_hold"));
        int cells = 0;
        for (JsonNode run : runs) {
            final String row = rowOf(dom, run.get("name").asText());
            for (String key : List.of("total_return", "sharpe", "sortino", "max_drawdown", "fills", "win_rate",
                "profit_factor", "exposure", "final_equity", "fees", "fee_share")) {
                final Matcher cell = Pattern.compile("data-key=\"" + key + "\" data-value=\"([^\"]*)\"").matcher(row);
                assertThat(cell.find()).as(run.get("name") + " " + key).isTrue();
                final JsonNode v = run.get(key);
                if (v == null || v.isNull()) {
                    assertThat(cell.group(1)).isEqualTo("-");
                } else {
                    assertThat(new BigDecimal(cell.group(1))).as(run.get("name") + " " + key)
                        .isEqualByComparingTo(new BigDecimal(v.asText()));
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(runs.size() * 11);
        final List<String> log = Files.readAllLines(out.resolve(BacktestFiles.TRADES));
        for (String symbol : BacktestTestData.SYMBOLS) {
            final long expected = log.stream().skip(1).filter(l -> l.split(",")[1].equals(symbol)).count();
            final String fills = Chromium.attribute(dom, "price-" + symbol, "data-fills");
            assertThat(fills).as(symbol).isNotNull();
            assertThat(JSON.readTree(fills).size()).as(symbol + " fills on the price chart").isEqualTo(expected);
            assertThat(Chromium.attribute(dom, "price-" + symbol, "data-drawn")).isEqualTo("true");
        }
        assertThat(Chromium.attribute(dom, "equity-chart", "data-drawn")).isEqualTo("true");
        chromium.screenshot(url, Path.of("target", "report.png"), 2000, 8_000);
    }

    private static String rowOf(String dom, String run) {
        final Matcher m = Pattern.compile("<tr data-run=\"" + Pattern.quote(run) + "\"[^>]*>(.*?)</tr>",
            Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("metrics row " + run).isTrue();
        return m.group(1);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no run " + name);
    }
}
