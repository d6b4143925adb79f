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
 * them. Single-threaded; off the hot path.
 */
public final class PaperSimulation {
    private final double fee;
    private final double positionFraction;
    private final double entryConfidence;
    private final Vote vote = new Vote();
    private double[] equity = new double[1_024];
    private int equityLength;
    private double[] tradePnl = new double[64];
    private int trades;
    private long exposedPeriods;
    private double cash = 1.0;

    /** A simulation paying {@code feeBps} per side, entering with {@code positionFraction} of cash. */
    public PaperSimulation(double feeBps, double positionFraction, double entryConfidence) {
        this.fee = feeBps / 10_000.0;
        this.positionFraction = positionFraction;
        this.entryConfidence = entryConfidence;
        equity[equityLength++] = cash;
    }

    /** Runs {@code strategy} over {@code candles} (time order), trading from index {@code firstTradeIndex}. */
    public void run(Strategy strategy, Candle[] candles, int firstTradeIndex) {
        double quantity = 0;
        double entryCost = 0;
        byte pending = Action.HOLD;
        for (int i = 0; i < candles.length; i++) {
            final Candle c = candles[i];
            if (pending == Action.BUY && quantity == 0) {
                entryCost = cash * positionFraction;
                quantity = entryCost * (1.0 - fee) / FixedPoint.toDouble(c.openE8);
                cash -= entryCost;
            } else if (pending == Action.SELL && quantity > 0) {
                final double proceeds = quantity * FixedPoint.toDouble(c.openE8) * (1.0 - fee);
                cash += proceeds;
                addTrade(proceeds - entryCost);
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
            if (quantity > 0) {
                exposedPeriods++;
            }
            if (quantity > 0 && i == candles.length - 1) {
                // close out at the last close so the next instrument starts flat
                final double proceeds = quantity * close * (1.0 - fee);
                cash += proceeds;
                addTrade(proceeds - entryCost);
                quantity = 0;
            }
            addEquity(cash + quantity * close);
        }
    }

    private void addEquity(double value) {
        if (equityLength == equity.length) {
            equity = Arrays.copyOf(equity, equity.length * 2);
        }
        equity[equityLength++] = value;
    }

    private void addTrade(double pnl) {
        if (trades == tradePnl.length) {
            tradePnl = Arrays.copyOf(tradePnl, trades * 2);
        }
        tradePnl[trades++] = pnl;
    }

    /** Metrics of everything run so far, per-minute returns annualised over a 24/7 year. */
    public PerformanceMetrics metrics() {
        return PerformanceMetrics.compute(equity, equityLength, tradePnl, trades, exposedPeriods,
            PerformanceMetrics.MINUTES_PER_YEAR);
    }

    /** Current cash (equity when flat); starts at 1. */
    public double cash() {
        return cash;
    }
}
