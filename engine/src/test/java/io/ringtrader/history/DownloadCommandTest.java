package io.ringtrader.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.app.Main;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.store.ParquetCandleReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code download} from the command line: options checked first (exit 2), then a real day from the stand-in. */
@Timeout(60)
class DownloadCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(ByteArrayOutputStream console, String... args) {
        final PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void shouldDownloadARealDayFromTheStandInWithAProgressBarAndASummary() throws Exception {
        try (RestCandlesServer server = new RestCandlesServer().serve("ETH-USD", "20180405")) {
            final ByteArrayOutputStream console = new ByteArrayOutputStream();
            final int code = run(console, "download", "--symbols", "ETH", "--from", "2018-04-05", "--to",
                "2018-04-05", "--api-url", server.url().toString(), "--data-dir", dir.resolve("data").toString(),
                "--logs-dir", dir.resolve("logs").toString(), "--rate", "50");
            final String text = console.toString(StandardCharsets.UTF_8);
            assertThat(code).as(err + text).isZero();
            assertThat(text).contains("1 symbol-days, 5 request windows").contains("5/5 windows")
                .contains("1,440 candles from REST, 0 quiet minutes filled");
            assertThat(ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dir.resolve("data"), "ETH",
                LocalDate.of(2018, 4, 5)), 0)).hasSize(1440);
            assertThat(server.requests()).isEqualTo(5);
        }
    }

    /** 192.0.2.1 is TEST-NET-1 (documentation only): even a broken check would reach nothing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--api-url|http://192.0.2.1:9|--api-url: plain http:// is allowed only for a loopback host",
        "--api-url|ftp://127.0.0.1|--api-url: must start with https://",
        "--from|2018-13-01|--from: '2018-13-01' is not a date",
        "--rate|0|--rate: must be between",
        "--max-attempts|0|--max-attempts: must be between"})
    void shouldExitTwoNamingTheOptionBeforeCreatingTheDataFolder(String option, String value, String message) {
        final java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("download", "--symbols",
            "BTC", "--from", "2018-04-04", "--to", "2018-04-04", "--data-dir", dir.resolve("data").toString(),
            "--logs-dir", dir.resolve("logs").toString()));
        final int given = args.indexOf(option);
        if (given >= 0) {
            args.subList(given, given + 2).clear();
        }
        args.add(option);
        args.add(value);
        assertThat(run(new ByteArrayOutputStream(), args.toArray(new String[0]))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shouldExitTwoWhenToIsBeforeFrom() {
        assertThat(run(new ByteArrayOutputStream(), "download", "--from", "2018-04-05", "--to", "2018-04-04",
            "--logs-dir", dir.resolve("logs").toString(), "--data-dir", dir.resolve("data").toString()))
            .isEqualTo(2);
        assertThat(err.toString()).contains("--to: 2018-04-04 is before --from 2018-04-05");
    }
}
