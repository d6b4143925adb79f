package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.FixedPoint;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestFilesTest {
    /** 2018-04-04T00:00:00Z. */
    private static final long T0 = 1_522_800_000_000_000_000L;
    private static final long MIN = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneEquityRowPerMinuteWithDrawdownFromTheRunningPeak() {
        final BacktestResult r = new BacktestResult(FixedPoint.parse("100"), 1);
        r.addMinute(T0 + MIN, FixedPoint.parse("110"), false);
        r.addMinute(T0 + 2 * MIN, FixedPoint.parse("99"), true);
        r.addMinute(T0 + 3 * MIN, FixedPoint.parse("104.5"), true);
        final String csv = new String(BacktestFiles.equity(r), StandardCharsets.US_ASCII);
        assertThat(csv).isEqualTo("time,equity,drawdown\n"
            + "2018-04-04T00:01:00.000000Z,110,0.00000000\n"
            + "2018-04-04T00:02:00.000000Z,99,0.10000000\n"
            + "2018-04-04T00:03:00.000000Z,104.5,0.05000000\n");
    }

    @Test
    void shouldRoundDecimalsToEightPlacesAndWriteNullForInfinity() {
        assertThat(BacktestFiles.decimal(1.0 / 3)).isEqualTo(new BigDecimal("0.33333333"));
        assertThat(BacktestFiles.decimal(0.0)).isEqualTo(BigDecimal.ZERO);
        assertThat(BacktestFiles.decimal(-2.5)).isEqualTo(new BigDecimal("-2.5"));
        assertThat(BacktestFiles.decimal(Double.POSITIVE_INFINITY)).isNull();
        assertThat(BacktestFiles.decimal(Double.NaN)).isNull();
        assertThat(BacktestFiles.money(FixedPoint.parse("100000")).toPlainString()).isEqualTo("100000");
    }

    @Test
    void shouldReplaceAnExistingFileAtomicallyLeavingNoTempFile() throws Exception {
        final Path file = dir.resolve("out").resolve("report.json");
        BacktestFiles.write(file, "old".getBytes(StandardCharsets.US_ASCII));
        BacktestFiles.write(file, "new".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(file)).isEqualTo("new");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
