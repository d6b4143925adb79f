package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.event.Instruments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    private static final Instruments INSTRUMENTS = SyntheticFeed.INSTRUMENTS;

    @Test
    void shouldRoundTripExactlyAndReportEveryField(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 6, 3_000, TestFiles.RISK);
        final byte[] bytes = Files.readAllBytes(TestFiles.state(dir));
        final String json = new String(bytes, StandardCharsets.UTF_8);
        for (String field : List.of("\"cash\"", "\"positions\"", "\"quantity\"", "\"average_cost\"",
            "\"last_price\"", "\"unrealized_pnl\"", "\"realized_pnl\"", "\"total_value\"", "\"peak_value\"",
            "\"drawdown\"", "\"trade_count\"", "\"last_update\"", "\"journal_index\" : 2999")) {
            assertThat(json).contains(field);
        }
        final PortfolioSnapshot loaded = StateFile.load(TestFiles.state(dir), INSTRUMENTS, 8).orElseThrow();
        final PortfolioSnapshot s = new PortfolioSnapshot(INSTRUMENTS.size(), 8);
        s.copyFrom(Portfolio.restore(loaded), loaded.orders);
        assertThat(StateFile.render(s, INSTRUMENTS)).isEqualTo(bytes);
        assertThat(loaded.journalIndex).isEqualTo(2_999);
    }

    @Test
    void shouldBeEmptyWithoutAFile(@TempDir Path dir) throws IOException {
        assertThat(StateFile.load(dir.resolve("none.json"), INSTRUMENTS, 8)).isEmpty();
    }

    @Test
    void shouldRefuseAFileTruncatedAtAnyByte(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 6, 3_000, TestFiles.RISK);
        final byte[] whole = Files.readAllBytes(TestFiles.state(dir));
        for (int cut = 0; cut < whole.length - 1; cut++) {
            final byte[] torn = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> StateFile.parse(torn, INSTRUMENTS, 8, "state")).as("cut at %d", cut)
                .isInstanceOf(StateFileException.class).hasMessageStartingWith("state: ");
        }
        // only the final line break may go missing
        StateFile.parse(Arrays.copyOf(whole, whole.length - 1), INSTRUMENTS, 8, "state");
    }

    @Test
    void shouldRefuseAFileThatDisagreesWithItself(@TempDir Path dir) throws IOException {
        TestFiles.run(dir, 6, 3_000, TestFiles.RISK);
        final String json = Files.readString(TestFiles.state(dir));
        final String cash = json.replaceFirst("\"cash\" : \"", "\"cash\" : \"1");
        assertThatThrownBy(() -> StateFile.parse(cash.getBytes(StandardCharsets.UTF_8), INSTRUMENTS, 8, "s"))
            .isInstanceOf(StateFileException.class).hasMessageContaining("total_value disagrees");
        final String symbol = json.replaceFirst("\"BTC\"", "\"XRP\"");
        assertThatThrownBy(() -> StateFile.parse(symbol.getBytes(StandardCharsets.UTF_8), INSTRUMENTS, 8, "s"))
            .isInstanceOf(StateFileException.class).hasMessageContaining("unknown symbol XRP");
        final String version = json.replaceFirst("\"version\" : 2", "\"version\" : 3");
        assertThatThrownBy(() -> StateFile.parse(version.getBytes(StandardCharsets.UTF_8), INSTRUMENTS, 8, "s"))
            .isInstanceOf(StateFileException.class).hasMessageContaining("unsupported version");
        final String number = json.replaceFirst("\"realized_pnl\" : \"([^\"]*)\"", "\"realized_pnl\" : $1");
        assertThatThrownBy(() -> StateFile.parse(number.getBytes(StandardCharsets.UTF_8), INSTRUMENTS, 8, "s"))
            .isInstanceOf(StateFileException.class).hasMessageContaining("realized_pnl");
    }

    @Test
    void shouldReplaceTheFileAtomicallyLeavingNoTempFile(@TempDir Path dir) throws IOException {
        final PortfolioSnapshot s = new PortfolioSnapshot(INSTRUMENTS.size(), 8);
        s.cashE8 = 5;
        s.peakEquityE8 = 5;
        final Path path = dir.resolve("portfolio_state.json");
        StateFile.save(s, INSTRUMENTS, path);
        s.cashE8 = 4;
        StateFile.save(s, INSTRUMENTS, path);
        assertThat(StateFile.load(path, INSTRUMENTS, 8).orElseThrow().cashE8).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("portfolio_state.json");
        }
    }
}
