package io.ringtrader.console;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line console progress bar for replay and backtest: done, percent, rate and time left. Updated from one
 * thread; redraws in place with a carriage return and ends with a newline.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String what;
    private final long total;
    private final long startNs;
    private long lastDrawNs;

    public ProgressBar(PrintStream out, String what, long total, long startNs) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.startNs = startNs;
    }

    /** Redraws if at least 200 ms passed since the last draw (or {@code force}). */
    public void update(long done, long nowNs, boolean force) {
        if (!force && nowNs - lastDrawNs < 200_000_000L) {
            return;
        }
        lastDrawNs = nowNs;
        out.print('\r');
        out.print(line(done, nowNs));
        out.flush();
    }

    /** Final draw and newline. */
    public void finish(long done, long nowNs) {
        update(done, nowNs, true);
        out.println();
    }

    /** The bar's text for {@code done} units at {@code nowNs}. */
    String line(long done, long nowNs) {
        final double seconds = Math.max(1e-9, (nowNs - startNs) / 1e9);
        final double rate = done / seconds;
        final double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        final int filled = (int) Math.round(fraction * WIDTH);
        final double left = rate <= 0 || total <= 0 ? 0 : Math.max(0, (total - done) / rate);
        return String.format(Locale.ROOT, "[%s%s] %5.1f%% %,d/%,d %s  %,.0f/s  %.1fs left", "#".repeat(filled),
            " ".repeat(WIDTH - filled), fraction * 100, done, total, what, rate, left);
    }
}
