package io.ringtrader.history;

import java.util.Locale;

/** What a {@code download} did, summed over symbols and days. Mutable by the downloader thread only. */
public final class DownloadStats {
    long days;
    long windows;
    long restCandles;
    long fillers;
    long repaired;
    long unrepaired;
    long keptFromTrades;
    long duplicates;
    long outsideWindow;
    long emptyPages;
    long emptyWindows;
    long filesWritten;

    /** Request windows fetched. */
    public long windows() {
        return windows;
    }

    /** Candles the endpoint returned that filled a missing minute. */
    public long restCandles() {
        return restCandles;
    }

    /** Quiet minutes (no candle from REST between candles it returned) written as zero-volume candles. */
    public long fillers() {
        return fillers;
    }

    /** Incomplete trade-built minutes replaced by a REST candle ({@code --repair}). */
    public long repaired() {
        return repaired;
    }

    /** Incomplete trade-built minutes REST had no candle for (kept as they were). */
    public long unrepaired() {
        return unrepaired;
    }

    /** Pages that returned no candle in their window (not trusted: the minutes stay missing, fetched next run). */
    public long emptyPages() {
        return emptyPages;
    }

    /** Windows still without any candle after three pages: left missing, asked for again by the next run. */
    public long emptyWindows() {
        return emptyWindows;
    }

    /** Candles returned twice in one page (the first kept). */
    public long duplicates() {
        return duplicates;
    }

    /** One line for the console and the log. */
    String summary(CandlesClient client) {
        return String.format(Locale.ROOT, "%,d symbol-days, %,d windows: %,d candles from REST, %,d quiet"
            + " minutes filled, %,d repaired, %,d incomplete minutes REST did not have, %,d duplicates and %,d"
            + " candles outside their window dropped, %,d empty pages (%,d windows left missing); %,d requests"
            + " (%,d retries: %,d rate-limited, %,d server errors, %,d malformed, %,d transport), %,d bad candles"
            + " rejected; %,d files written", days, windows, restCandles, fillers, repaired, unrepaired, duplicates,
            outsideWindow, emptyPages, emptyWindows, client.requests(), client.retries(), client.throttled(),
            client.serverErrors(), client.malformed(), client.transportErrors(), client.rejectedCandles(),
            filesWritten);
    }
}
