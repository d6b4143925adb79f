package io.ringtrader.strategy;

import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.util.Arrays;

/**
 * The selection's per-strategy paper simulation, long only (spot): a BUY vote with at least
 * {@code entryConfidence} while flat buys with {@code positionFraction} of cash; any SELL vote while long sells
 * everything. Orders decided on a candle's close fill at the NEXT candle's open (no look-ahead), paying
 * {@code feeBps} per side. Equity is marked at every close after the warm-up. Instruments run one after the other,
 * each starting flat and closing any position at its last close; their equity curves are chained into one (the
 * next instrument starts from the previous one's final equity), so metrics describe the strategy over all of
 * them. Each instrument's traded span is also cut into {@code folds} consecutive walk-forward folds, and
 * {@link #metrics(int)} rates one fold across all instruments. Single-threaded; off the hot path.
 */
public final class PaperSimulation {
    private final double fee;
    private final double positionFraction;
    private final double entryConfidence;
    private final int folds;
    private final Vote vote = new Vote();
    private double[] equity = new double[1_024];
    private int[] pointFold = new int[1_024];
    private boolean[] pointExposed = new boolean[1_024];
    private int equityLength;
    private double[] tradePnl = new double[64];
    private int[] tradeFold = new int[64];
    private int trades;
    private double cash = 1.0;

    /** A simulation paying {@code feeBps} per side, entering with {@code positionFraction} of cash, one fold. */
    public PaperSimulation(double feeBps, double positionFraction, double entryConfidence) {
        this(feeBps, positionFraction, entryConfidence, 1);
    }

    /** As above, with each instrument's traded span cut into {@code folds} walk-forward folds. */
    public PaperSimulation(double feeBps, double positionFraction, double entryConfidence, int folds) {
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        }
        this.fee = feeBps / 10_000.0;
        this.positionFraction = positionFraction;
        this.entryConfidence = entryConfidence;
        this.folds = folds;
        addEquity(cash, -1, false);
    }

    /** Runs {@code strategy} over {@code candles} (time order), trading from index {@code firstTradeIndex}. */
    public void run(Strategy strategy, Candle[] candles, int firstTradeIndex) {
        final long span = Math.max(1, candles.length - firstTradeIndex);
        double quantity = 0;
        double entryCost = 0;
        byte pending = Action.HOLD;
        for (int i = 0; i < candles.length; i++) {
            final Candle c = candles[i];
            final int fold = (int) Math.min(folds - 1, Math.max(0, i - firstTradeIndex) * (long) folds / span);
            if (pending == Action.BUY && quantity == 0) {
                entryCost = cash * positionFraction;
                quantity = entryCost * (1.0 - fee) / FixedPoint.toDouble(c.openE8);
                cash -= entryCost;
            } else if (pending == Action.SELL && quantity > 0) {
                final double proceeds = quantity * FixedPoint.toDouble(c.openE8) * (1.0 - fee);
                cash += proceeds;
                addTrade(proceeds - entryCost, fold);
                quantity = 0;
            }
            pending = Action.HOLD;
            strategy.onCandle(c);
            if (i < firstTradeIndex) {
                continue;
            }
            strategy.vote(vote);
            if (vote.action == Action.BUY && quantity == 0 && vote.confidence >= entryConfidence) {
                pending = Action.BUY;
            } else if (vote.action == Action.SELL && quantity > 0) {
                pending = Action.SELL;
            }
            final double close = FixedPoint.toDouble(c.closeE8);
            final boolean exposed = quantity > 0;
            if (quantity > 0 && i == candles.length - 1) {
                // close out at the last close so the next instrument starts flat
                final double proceeds = quantity * close * (1.0 - fee);
                cash += proceeds;
                addTrade(proceeds - entryCost, fold);
                quantity = 0;
            }
            addEquity(cash + quantity * close, fold, exposed);
        }
    }

    private void addEquity(double value, int fold, boolean exposed) {
        if (equityLength == equity.length) {
            equity = Arrays.copyOf(equity, equityLength * 2);
            pointFold = Arrays.copyOf(pointFold, equityLength * 2);
            pointExposed = Arrays.copyOf(pointExposed, equityLength * 2);
        }
        equity[equityLength] = value;
        pointFold[equityLength] = fold;
        pointExposed[equityLength] = exposed;
        equityLength++;
    }

    private void addTrade(double pnl, int fold) {
        if (trades == tradePnl.length) {
            tradePnl = Arrays.copyOf(tradePnl, trades * 2);
            tradeFold = Arrays.copyOf(tradeFold, trades * 2);
        }
        tradePnl[trades] = pnl;
        tradeFold[trades] = fold;
        trades++;
    }

    /** Metrics of everything run so far, per-minute returns annualised over a 24/7 year. */
    public PerformanceMetrics metrics() {
        return metrics(-1);
    }

    /**
     * Metrics of walk-forward fold {@code fold} (0-based) over every instrument: its per-candle returns compounded
     * into one curve from 1.0, the trades closed in it; -1 for everything.
     */
    public PerformanceMetrics metrics(int fold) {
        final double[] curve = new double[equityLength];
        curve[0] = 1.0;
        int length = 1;
        long exposed = 0;
        for (int i = 1; i < equityLength; i++) {
            if (fold < 0 || pointFold[i] == fold) {
                curve[length] = curve[length - 1] * (equity[i] / equity[i - 1]);
                length++;
                exposed += pointExposed[i] ? 1 : 0;
            }
        }
        final double[] pnl = new double[trades];
        int count = 0;
        for (int t = 0; t < trades; t++) {
            if (fold < 0 || tradeFold[t] == fold) {
                pnl[count++] = tradePnl[t];
            }
        }
        return PerformanceMetrics.compute(curve, length, pnl, count, exposed, PerformanceMetrics.MINUTES_PER_YEAR);
    }

    /** Number of walk-forward folds. */
    public int folds() {
        return folds;
    }

    /** Current cash (equity when flat); starts at 1. */
    public double cash() {
        return cash;
    }
}
