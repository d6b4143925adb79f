package io.ringtrader.backtest;

import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one backtest run produced: the equity after each minute (exchange time of the minute's close), whether a
 * position was open when the minute started, and every fill in order. Round trips are counted per instrument: a
 * buy from flat opens one, a sell back to exactly zero closes it. Filled by one thread ({@link BacktestSession}),
 * read afterwards.
 */
final class BacktestResult {
    private final long startingCashE8;
    private final long[] openQuantityE8;
    private long[] timeNs = new long[1024];
    private long[] equityE8 = new long[1024];
    private boolean[] exposed = new boolean[1024];
    private int minutes;
    private final List<Fill> fills = new ArrayList<>();
    private int buys;
    private int sells;
    private int roundTrips;
    private long actionableSignals;
    private long filteredSignals;
    private long rejectedSignals;

    BacktestResult(long startingCashE8, int instrumentCount) {
        this.startingCashE8 = startingCashE8;
        this.openQuantityE8 = new long[instrumentCount];
    }

    /** Records the end of one minute: its close time, the equity then, and whether a position was held during it. */
    void addMinute(long closeTimeNs, long equityAfterE8, boolean positionDuringMinute) {
        if (minutes == timeNs.length) {
            timeNs = Arrays.copyOf(timeNs, minutes * 2);
            equityE8 = Arrays.copyOf(equityE8, minutes * 2);
            exposed = Arrays.copyOf(exposed, minutes * 2);
        }
        timeNs[minutes] = closeTimeNs;
        equityE8[minutes] = equityAfterE8;
        exposed[minutes] = positionDuringMinute;
        minutes++;
    }

    /** Records a fill (copied). */
    void addFill(Fill fill) {
        final Fill copy = new Fill();
        copy.copyFrom(fill);
        fills.add(copy);
        final int id = fill.instrumentId;
        if (fill.side == Side.BUY) {
            buys++;
        } else {
            sells++;
            if (fill.positionAfterE8 == 0 && openQuantityE8[id] > 0) {
                roundTrips++;
            }
        }
        openQuantityE8[id] = fill.positionAfterE8;
    }

    /** Records the strategy and risk stages' signal outcome counts. */
    void signals(long actionable, long filtered, long rejected) {
        actionableSignals = actionable;
        filteredSignals = filtered;
        rejectedSignals = rejected;
    }

    long startingCashE8() {
        return startingCashE8;
    }

    int minutes() {
        return minutes;
    }

    long timeNs(int minute) {
        return timeNs[minute];
    }

    long equityE8(int minute) {
        return equityE8[minute];
    }

    /**
     * Per-minute equity returns of minutes [from, to), net of every cost: each against the equity before it (the
     * starting cash before minute 0).
     */
    double[] returns(int from, int to) {
        final double[] out = new double[to - from];
        double previous = FixedPoint.toDouble(from == 0 ? startingCashE8 : equityE8[from - 1]);
        for (int m = from; m < to; m++) {
            final double equity = FixedPoint.toDouble(equityE8[m]);
            out[m - from] = equity / previous - 1.0;
            previous = equity;
        }
        return out;
    }

    boolean exposed(int minute) {
        return exposed[minute];
    }

    /** Equity at the end, or the starting cash when no minute ran. */
    long finalEquityE8() {
        return minutes == 0 ? startingCashE8 : equityE8[minutes - 1];
    }

    List<Fill> fills() {
        return fills;
    }

    int buys() {
        return buys;
    }

    int sells() {
        return sells;
    }

    int roundTrips() {
        return roundTrips;
    }

    long actionableSignals() {
        return actionableSignals;
    }

    long filteredSignals() {
        return filteredSignals;
    }

    long rejectedSignals() {
        return rejectedSignals;
    }
}
