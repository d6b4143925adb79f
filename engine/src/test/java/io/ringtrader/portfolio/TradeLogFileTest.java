package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeLogFileTest {

    @Test
    void shouldCutATornLastLineAfterTruncationAtAnyByte(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 2, 1_500, TestFiles.RISK);
        final byte[] whole = Files.readAllBytes(TestFiles.log(dir));
        final int headerEnd = TradeLogFormat.HEADER.length() + 1;
        assertThat(whole.length).isGreaterThan(headerEnd + 500);
        final Path torn = dir.resolve("torn.csv");
        for (int cut = 0; cut <= whole.length; cut++) {
            Files.write(torn, Arrays.copyOf(whole, cut));
            final long removed = TradeLogFile.repair(torn);
            final byte[] repaired = Files.readAllBytes(torn);
            int lastNewline = cut - 1;
            while (lastNewline >= 0 && whole[lastNewline] != '\n') {
                lastNewline--;
            }
            assertThat(repaired.length).as("cut at %d", cut).isEqualTo(lastNewline + 1);
            assertThat(removed).isEqualTo(cut - repaired.length);
            assertThat(Arrays.equals(repaired, 0, repaired.length, whole, 0, repaired.length)).isTrue();
        }
    }

    @Test
    void shouldLeaveAWholeFileAndAMissingFileAlone(@TempDir Path dir) throws IOException {
        assertThat(TradeLogFile.repair(dir.resolve("absent.csv"))).isZero();
        final Path log = dir.resolve("log.csv");
        Files.writeString(log, TradeLogFormat.HEADER + "\n");
        assertThat(TradeLogFile.repair(log)).isZero();
        assertThat(Files.readString(log)).isEqualTo(TradeLogFormat.HEADER + "\n");
    }

    @Test
    void shouldTrimRowsBeyondTheRestoredTradeCount(@TempDir Path dir) throws IOException {
        final Path log = dir.resolve("log.csv");
        Files.writeString(log, TradeLogFormat.HEADER + "\nr1\nr2\nr3\n");
        assertThat(TradeLogFile.trimToRows(log, 5)).isZero();
        assertThat(TradeLogFile.trimToRows(log, -1)).isZero();
        assertThat(TradeLogFile.trimToRows(log, 3)).isZero();
        assertThat(TradeLogFile.trimToRows(log, 1)).isEqualTo(2);
        assertThat(Files.readString(log)).isEqualTo(TradeLogFormat.HEADER + "\nr1\n");
        assertThat(TradeLogFile.trimToRows(log, 0)).isEqualTo(1);
        assertThat(Files.readString(log)).isEqualTo(TradeLogFormat.HEADER + "\n");
        assertThat(TradeLogFile.trimToRows(dir.resolve("absent.csv"), 0)).isZero();
    }

    @Test
    void shouldCountOnlyRowsThatEndInALineBreak(@TempDir Path dir) throws IOException {
        final Path log = dir.resolve("log.csv");
        assertThat(TradeLogFile.completeRows(log)).isZero();
        Files.writeString(log, TradeLogFormat.HEADER + "\n");
        assertThat(TradeLogFile.completeRows(log)).isZero();
        Files.writeString(log, TradeLogFormat.HEADER + "\nr1\nr2\nr3 torn");
        assertThat(TradeLogFile.completeRows(log)).isEqualTo(2);
        Files.writeString(log, TradeLogFormat.HEADER + "\nr1\nr2\nr3\n");
        assertThat(TradeLogFile.completeRows(log)).isEqualTo(3);
    }

    @Test
    void shouldRefuseAFileWithAnotherHeader(@TempDir Path dir) throws IOException {
        final Path log = dir.resolve("other.csv");
        Files.write(log, "a,b,c\n1,2,3\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> TradeLogFile.repair(log)).isInstanceOf(IOException.class)
            .hasMessageContaining("not a RingTrader trade log");
    }
}
