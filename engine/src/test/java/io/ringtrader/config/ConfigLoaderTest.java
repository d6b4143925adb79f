package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        final Path file = dir.resolve("engine.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shouldUseBuiltInDefaultsWhenTheFileIsMissing() {
        final EngineConfig c = ConfigLoader.load(dir.resolve("absent.yaml"), Map.of());
        assertThat(c.symbols()).containsExactly("BTC", "ETH", "ADA", "AVAX", "DOT", "LINK", "POL", "SOL", "UNI");
        assertThat(c.feed().source()).isEqualTo(FeedSourceKind.COINBASE);
        assertThat(c.feed().protocol()).isEqualTo(FeedProtocol.ADVANCED_TRADE);
        assertThat(c.strategies().signalIntervalSeconds()).isEqualTo(60);
        assertThat(c.strategies().minCandles()).isEqualTo(50);
        assertThat(c.risk().positionFraction()).isEqualTo(0.10);
        assertThat(c.portfolio().startingCashE8()).isEqualTo(100_000L * 100_000_000L);
        assertThat(c.candles().retentionDays()).isEqualTo(7);
    }

    @Test
    void shouldLoadTheShippedConfigurationFile() {
        final Path shipped = Path.of("..", "config", "engine.yaml");
        final EngineConfig c = ConfigLoader.load(shipped, Map.of());
        assertThat(c.symbols()).hasSize(9).contains("POL").doesNotContain("MATIC");
        assertThat(c.pipeline().ringSize()).isEqualTo(8192);
    }

    @ParameterizedTest
    @CsvSource({"backoff, BACKOFF", "sleeping, SLEEPING", "Yielding, YIELDING", "busy-spin, BUSY_SPIN"})
    void shouldReadTheBackgroundIdleStrategy(String value, BackgroundIdle expected) {
        assertThat(ConfigLoader.load(null, Map.of("pipeline.background_idle", value)).pipeline().backgroundIdle())
            .isEqualTo(expected);
        assertThat(expected.configName()).isEqualTo(value.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void shouldDefaultToTheBackoffIdleStrategyForBackgroundAgents() {
        assertThat(ConfigLoader.load(null, Map.of()).pipeline().backgroundIdle()).isEqualTo(BackgroundIdle.BACKOFF);
        assertThat(ConfigLoader.load(Path.of("..", "config", "engine.yaml"), Map.of()).pipeline().backgroundIdle())
            .isEqualTo(BackgroundIdle.BACKOFF);
    }

    @Test
    void shouldLetCommandLineOverridesWin() throws IOException {
        final EngineConfig c = ConfigLoader.load(write("feed: {source: coinbase, speed: 2}\n"),
            Map.of("feed.source", "sim", "symbols", List.of("btc", "eth")));
        assertThat(c.feed().source()).isEqualTo(FeedSourceKind.SIM);
        assertThat(c.feed().speed()).isEqualTo(2.0);
        assertThat(c.symbols()).containsExactly("BTC", "ETH");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "risk: {max_drawdown: 1.5}                 | risk.max_drawdown: must be between",
        "risk: {max_drawdwn: 0.1}                  | risk.max_drawdwn: unknown key",
        "colour: blue                              | colour: unknown key",
        "pipeline: {ring_size: 1000}               | pipeline.ring_size: must be a power of two",
        "pipeline: {ring_size: lots}               | pipeline.ring_size: must be a whole number",
        "pipeline: {threads: many}                 | pipeline.threads: must be one of fused, per-stage",
        "pipeline: {background_idle: fast}         | pipeline.background_idle: must be one of backoff, sleeping",
        "feed: {source: bloomberg}                 | feed.source: must be one of",
        "feed: {speed: -1}                         | feed.speed: must be between",
        "feed: [1, 2]                              | feed: must be a mapping",
        "symbols: []                               | symbols: must name at least one symbol",
        "symbols: [BTC, BTC]                       | symbols: lists a symbol twice",
        "symbols: ['BTC-USD']                      | symbols: 'BTC-USD' is not a symbol",
        "persistence: {journal_enabled: maybe}     | persistence.journal_enabled: must be true or false",
        "portfolio: {starting_cash: 1e12}          | portfolio.starting_cash: must be between",
        "risk: {position_fraction: 0.5}            | risk.position_fraction: must not exceed max_position_fraction",
        "feed: {reconnect_initial_ms: 5000, reconnect_max_ms: 1000} | feed.reconnect_max_ms: must be at least",
        "instruments: {BTC: {tick: 1}}             | instruments.BTC.tick: unknown key",
    })
    void shouldNameTheKeyAndTheProblem(String yaml, String message) throws IOException {
        final Path file = write(yaml.trim() + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(message.trim());
    }

    @Test
    void shouldRejectDuplicateKeysAndBrokenYaml() throws IOException {
        final Path dup = write("risk:\n  max_drawdown: 0.1\n  max_drawdown: 0.2\n");
        assertThatThrownBy(() -> ConfigLoader.load(dup, Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("max_drawdown");
        final Path broken = write("risk: {max_drawdown: [\n");
        assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldValidateOverridesLikeTheFile() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of("feed.protocol", "fix")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("feed.protocol");
    }
}
