package io.ringtrader.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The whole configuration: immutable, validated once at start-up, then handed to {@code app} for wiring.
 *
 * @param symbols        base assets to trade ({@code BTC}), in instrument-id order
 * @param quoteCurrency  quote asset ({@code USD})
 * @param feed           market data source
 * @param pipeline       ring and threads
 * @param candles        candle building
 * @param strategies     strategy stage
 * @param risk           risk limits
 * @param portfolio      paper account
 * @param persistence    output files
 * @param metrics        telemetry
 * @param instruments    per-symbol increment overrides
 * @param exchange       the built-in loopback exchange (sim and replay feeds)
 * @param orders         order types, protective exits and entry costs
 * @param http           the dashboard's HTTP server
 * @param history        repairing the candle archive from REST while running
 */
public record EngineConfig(List<String> symbols, String quoteCurrency, FeedConfig feed, PipelineConfig pipeline,
                           CandleConfig candles, StrategyConfig strategies, RiskConfig risk,
                           PortfolioConfig portfolio, PersistenceConfig persistence, MetricsConfig metrics,
                           InstrumentOverrides instruments, ExchangeConfig exchange, OrderConfig orders,
                           HttpConfig http, HistoryConfig history) {

    /** The symbols traded by default (POL, not MATIC: Coinbase converted MATIC to POL in 2024). */
    public static final List<String> DEFAULT_SYMBOLS =
        List.of("BTC", "ETH", "ADA", "AVAX", "DOT", "LINK", "POL", "SOL", "UNI");
    /** Most symbols one engine handles (sizes per-slot output batches). */
    public static final int MAX_SYMBOLS = 64;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,10}");

    /** Reads and validates the root mapping; throws {@link ConfigException} naming the first bad key. */
    public static EngineConfig read(ConfigNode root) {
        final List<String> symbols = root.stringList("symbols", DEFAULT_SYMBOLS).stream()
            .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        validateSymbols(root, symbols);
        final String quote = root.string("quote_currency", "USD").toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(quote).matches()) {
            throw root.fail("quote_currency", "must be 1-10 letters or digits, got '" + quote + "'");
        }
        final EngineConfig config = new EngineConfig(symbols, quote,
            FeedConfig.read(root.section("feed")),
            PipelineConfig.read(root.section("pipeline")),
            CandleConfig.read(root.section("candles")),
            StrategyConfig.read(root.section("strategies")),
            RiskConfig.read(root.section("risk")),
            PortfolioConfig.read(root.section("portfolio")),
            PersistenceConfig.read(root.section("persistence")),
            MetricsConfig.read(root.section("metrics")),
            InstrumentOverrides.read(root.section("instruments")),
            ExchangeConfig.read(root.section("exchange")),
            OrderConfig.read(root.section("orders")),
            HttpConfig.read(root.section("http")),
            HistoryConfig.read(root.section("history")));
        root.finish();
        final int keptDays = config.persistence().journalRetention().retentionDays();
        if (keptDays > 0 && keptDays <= config.candles().retentionDays()) {
            // recovery rebuilds the candle store (and the indicators on it) from the journal's kept days
            throw root.fail("persistence.journal_retention_days", "must be 0 (keep every cycle) or more than"
                + " candles.retention_days (" + config.candles().retentionDays() + "), got " + keptDays);
        }
        return config;
    }

    /** This configuration trading {@code newSymbols} instead (replay uses the recorded session's symbols). */
    public EngineConfig withSymbols(List<String> newSymbols) {
        return new EngineConfig(List.copyOf(newSymbols), quoteCurrency, feed, pipeline, candles, strategies, risk,
            portfolio, persistence, metrics, instruments, exchange, orders, http, history);
    }

    /** Checks a symbol list (also used for the {@code --symbols} option). */
    public static void validateSymbols(ConfigNode root, List<String> symbols) {
        if (symbols.isEmpty()) {
            throw root.fail("symbols", "must name at least one symbol");
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw root.fail("symbols", "at most " + MAX_SYMBOLS + " symbols, got " + symbols.size());
        }
        for (String s : symbols) {
            if (!SYMBOL.matcher(s).matches()) {
                throw root.fail("symbols", "'" + s + "' is not a symbol (1-10 letters or digits, e.g. BTC)");
            }
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw root.fail("symbols", "lists a symbol twice: " + symbols);
        }
    }
}
