package io.ringtrader.app;

import io.ringtrader.config.ExitCodes;
import io.ringtrader.console.ProgressBar;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.history.HistoryDownloader;
import io.ringtrader.config.RestEndpoint;
import io.ringtrader.store.CandleParquetFiles;
import java.io.PrintStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code download}: 1-minute candles from Coinbase's public REST API into the candle archive. */
@Command(name = "download", mixinStandardHelpOptions = true,
    description = "Download 1-minute candles from Coinbase's REST API into DATA_DIR/candles/SYM/DAY.parquet;"
        + " fetches only the minutes missing there (resumable), never replaces a candle built from trades.")
public final class DownloadCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger("io.ringtrader.download");

    @Mixin
    CommonOptions options;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", required = true, description = "First day (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", required = true, description = "Last day (UTC), inclusive.")
    String to;

    @Option(names = "--api-url", paramLabel = "URL", description = "REST base URL (default: ${DEFAULT-VALUE};"
        + " http:// only on loopback).")
    String apiUrl = RestEndpoint.COINBASE;

    @Option(names = "--rate", paramLabel = "N", description = "Requests per second at most (default: ${DEFAULT-VALUE};"
        + " Coinbase allows 10 public requests/s).")
    double rate = 8;

    @Option(names = "--max-attempts", paramLabel = "N",
        description = "Attempts per request on 429, 5xx and errors before giving up (default: ${DEFAULT-VALUE}).")
    int maxAttempts = 8;

    @Option(names = "--repair", description = "Also replace minutes the live engine marked incomplete with REST"
        + " candles (recorded as source rest_repair).")
    boolean repair;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(), config -> run(config, System.out));
    }

    private int run(EngineConfig config, PrintStream console) throws Exception {
        final LocalDate fromDate = date("--from", from);
        final LocalDate toDate = date("--to", to);
        if (fromDate.isAfter(toDate)) {
            throw new ConfigException("--to", toDate + " is before --from " + fromDate);
        }
        if (!(rate > 0 && rate <= 100)) {
            throw new ConfigException("--rate", "must be between 0 and 100 requests/s, got " + rate);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigException("--max-attempts", "must be between 1 and 100, got " + maxAttempts);
        }
        final URI api = RestEndpoint.parse("--api-url", apiUrl);
        final HistoryDownloader downloader = HistoryDownloader.create(options.dataDir, api, rate, maxAttempts,
            CandleParquetFiles.codec(config.persistence().parquetCompression()), System.currentTimeMillis()
                * 1_000_000L);
        final HistoryDownloader.Request request = new HistoryDownloader.Request(config.symbols(),
            config.quoteCurrency(), fromDate, toDate, repair);
        final HistoryDownloader.Plan plan = downloader.plan(request);
        final String intro = String.format(java.util.Locale.ROOT, "Download %s..%s of %s-%s from %s: %d symbol-days,"
            + " %d request windows (at most 350 minutes each)%s", fromDate, toDate, String.join(",", config.symbols()),
            config.quoteCurrency(), api, plan.days(), plan.windows(), repair ? ", repairing incomplete minutes" : "");
        console.println(intro);
        LOG.info(intro);
        final ProgressBar bar = new ProgressBar(console, "windows", plan.windows(), System.nanoTime());
        try {
            downloader.run(request, plan, done -> bar.update(done, System.nanoTime(), false));
        } finally {
            bar.finish(downloader.windowsDone(), System.nanoTime());
            console.println(downloader.summary());
            LOG.info("Download {}..{}: {}", fromDate, toDate, downloader.summary());
        }
        return ExitCodes.OK;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(option, "'" + text + "' is not a date (YYYY-MM-DD, UTC)");
        }
    }
}
