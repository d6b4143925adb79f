package io.ringtrader.app;

import io.ringtrader.backtest.BacktestRunner;
import io.ringtrader.backtest.BacktestTestData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.portfolio.TradeLogFormat;
import io.ringtrader.strategy.StrategyLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestRunnerTest {
    @TempDir
    Path dir;

    private Path data;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeCandles() throws IOException {
        data = dir.resolve("data");
        BacktestTestData.write(data);
        Files.writeString(dir.resolve("empty.yaml"), ""); // -c must name a file that exists: all defaults
    }

    private int backtest(Path out, List<String> strategies) throws IOException {
        final EngineConfig config = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        return new BacktestRunner(config, data, "2018-04-04", "2018-04-05", strategies, out,
            new PrintStream(console, true, StandardCharsets.UTF_8)).run();
    }

    private int cli(String... args) {
        final List<String> all = new ArrayList<>(List.of("backtest", "-c", dir.resolve("empty.yaml").toString(),
            "--logs-dir", dir.resolve("logs").toString()));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            all.toArray(new String[0]));
    }

    private static List<String> names(JsonNode array) {
        final List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.isTextual() ? n.asText() : n.get("name").asText()));
        return names;
    }

    @Test
    void shouldWriteTradesEquityAndAReportCoveringThePortfolioAndEveryLibraryStrategyAlone() throws IOException {
        final Path out = dir.resolve("out");
        assertThat(backtest(out, null)).isZero();

        final JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        final List<String> library = StrategyLibrary.load().names();
        assertThat(library.size()).isGreaterThanOrEqualTo(6);
        assertThat(names(report.get("strategies"))).containsExactlyElementsOf(library);
        final JsonNode portfolio = report.get("portfolio");
        assertThat(names(portfolio.get("strategies")))
            .containsExactlyElementsOf(BacktestTestData.config(dir, List.of("BTC")).strategies().active());
        for (JsonNode run : report.get("strategies")) {
            for (String field : List.of("total_return", "sharpe", "sortino", "max_drawdown", "fills", "round_trips",
                "closing_trades", "win_rate", "profit_factor", "exposure")) {
                assertThat(run.has(field)).as(run.get("name") + "." + field).isTrue();
            }
        }
        assertThat(report.get("candles").get("BTC").asInt()).isGreaterThan(1900);

        final List<String> trades = Files.readAllLines(out.resolve("live_trades.csv"));
        assertThat(trades.get(0)).isEqualTo(TradeLogFormat.HEADER);
        assertThat(trades).hasSize(1 + portfolio.get("fills").asInt());
        assertThat(portfolio.get("fills").asInt()).isGreaterThan(0);
        assertThat(trades.subList(1, trades.size())).allMatch(r -> r.split(",", -1).length == TradeLogFormat.COLUMNS);

        final List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity.get(0)).isEqualTo("time,equity,drawdown");
        assertThat(equity).hasSize(1 + report.get("minutes").asInt());
        final String last = equity.get(equity.size() - 1);
        assertThat(last.split(",")[1]).isEqualTo(portfolio.get("final_equity").asText());

        final String table = console.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("portfolio", "Wrote");
        for (String name : library) {
            assertThat(table).contains(name);
        }
    }

    @Test
    void shouldWriteByteIdenticalFilesWhenRunTwice() throws IOException {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        final List<String> chosen = List.of("macd_momentum", "rsi_reversal", "breakout", "trend_following",
            "mean_reversion", "vwap_reversion");
        assertThat(backtest(first, chosen)).isZero();
        assertThat(backtest(second, chosen)).isZero();
        for (String file : List.of("live_trades.csv", "equity.csv", "report.json")) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file)
                .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        final JsonNode report = new ObjectMapper().readTree(first.resolve("report.json").toFile());
        assertThat(names(report.get("strategies"))).containsExactlyElementsOf(chosen);
        assertThat(names(report.get("portfolio").get("strategies"))).containsExactlyElementsOf(chosen);
    }

    @Test
    void shouldRunFromTheCommandLineAndExitTwoOnBadDatesOrAnEmptyRange() {
        final String d = data.toString();
        final String out = dir.resolve("cli").toString();
        assertThat(cli("--data-dir", d, "--symbols", "BTC", "--from", "2018-04-04", "--to", "2018-04-04",
            "--strategies", "breakout", "--out", out)).isZero();
        assertThat(Path.of(out, "report.json")).exists();

        assertThat(cli("--data-dir", d, "--from", "2018-13-01", "--to", "2018-04-04", "--out", out)).isEqualTo(2);
        assertThat(err.toString()).contains("--from").contains("2018-13-01").contains("YYYY-MM-DD");
        assertThat(cli("--data-dir", d, "--from", "2018-04-05", "--to", "2018-04-04", "--out", out)).isEqualTo(2);
        assertThat(err.toString()).contains("2018-04-04 is before --from 2018-04-05");
        assertThat(cli("--data-dir", d, "--symbols", "BTC", "--from", "2019-01-01", "--to", "2019-01-02",
            "--out", out)).isEqualTo(2);
        assertThat(err.toString()).contains("no candles").contains(data.resolve("candles").toString());
        assertThat(cli("--data-dir", d, "--from", "2018-04-04", "--to", "2018-04-04", "--strategies", "astrology",
            "--out", out)).isEqualTo(2);
        assertThat(err.toString()).contains("--strategies").contains("astrology");
    }
}
