package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --journal}: a recorded session's trades, trade by trade, through the same stages as live. */
class BacktestJournalTest {
    private static final String STRATEGIES = "trend_following,mean_reversion,breakout";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path config() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        // pinned strategies, so the live session and the backtest's portfolio trade the same set
        Files.writeString(config, "strategies: {active: [" + STRATEGIES + "], selection: {enabled: false}}\n");
        return config;
    }

    private static List<String> rows(Path csv) throws IOException {
        final List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldReproduceALiveSessionsFillsExactlyFromItsJournal() throws IOException {
        final Path config = config();
        final Path data = dir.resolve("data");
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "8",
            "--seed", "11", "--symbols", "BTC,ETH,SOL", "--data-dir", data.toString(), "--logs-dir",
            dir.resolve("logs").toString())).as(err.toString()).isZero();
        final List<String> live = rows(data.resolve("live_trades.csv"));
        assertThat(live).as("the live session traded").hasSizeGreaterThan(3);

        final Path report = dir.resolve("report");
        assertThat(run("backtest", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--strategies", STRATEGIES, "--out", report.toString(), "--data-dir", dir.resolve("empty").toString(),
            "--logs-dir", dir.resolve("logs2").toString())).as(err.toString()).isZero();

        assertThat(rows(report.resolve("live_trades.csv"))).as("the portfolio run's fills are the live fills")
            .containsExactlyElementsOf(live);
        final JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.get("source").asText()).isEqualTo("journal");
        final List<String> symbols = new ArrayList<>();
        json.get("symbols").forEach(s -> symbols.add(s.asText()));
        assertThat(symbols).containsExactly("BTC", "ETH", "SOL");
        assertThat(json.get("portfolio").get("fills").asInt()).isEqualTo(live.size());
        assertThat(json.get("buy_and_hold")).isNotNull();
        assertThat(json.get("strategies")).hasSize(3);
        assertThat(json.get("minutes").asInt()).as("8 simulated hours of minutes").isBetween(470, 481);
        System.out.printf("backtest --journal: %d live fills reproduced exactly; buy and hold %s, portfolio %s%n",
            live.size(), json.get("buy_and_hold").get("total_return"), json.get("portfolio").get("total_return"));
    }

    @Test
    void shouldRefuseWhatIsNotAJournalAndNeedDatesWithoutOne() throws IOException {
        final Path config = config();
        final Path notJournal = Files.createDirectories(dir.resolve("not-a-journal"));
        assertThat(run("backtest", "-c", config.toString(), "--journal", notJournal.toString(), "--out",
            dir.resolve("o").toString(), "--logs-dir", dir.resolve("logs").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--journal").contains("is not a journal directory");
        assertThat(run("backtest", "-c", config.toString(), "--to", "2018-04-04", "--out",
            dir.resolve("o").toString(), "--logs-dir", dir.resolve("logs").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--from").contains("--journal");
    }
}
