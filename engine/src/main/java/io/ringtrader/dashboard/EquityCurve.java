package io.ringtrader.dashboard;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.store.CandleView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The portfolio's equity at every minute close, rebuilt from two views off the ring: the trade log (cash and
 * position after each fill) and the closed candles (the close of each minute). Equity = cash + sum of position x
 * close, which is what the portfolio computes at that trade; drawdown is measured from the running peak, starting
 * at the starting cash. Pure; runs on the dashboard's thread.
 */
final class EquityCurve {
    /** One point: the minute's close time (epoch ms), equity and drawdown from the peak (a fraction). */
    record Point(long timeMs, double equity, double drawdown) {
    }

    private EquityCurve() {
    }

    /** The curve over the minutes starting in [{@code fromNs}, {@code toNs}). */
    static List<Point> compute(TradeLogRows log, CandleView candles, Instruments instruments, long startingCashE8,
                               long fromNs, long toNs) {
        final int n = instruments.size();
        final List<String> header = log.header();
        final List<TradeLogRows.Row> rows = log.rows();
        final List<List<Candle>> perInstrument = new ArrayList<>();
        final TreeSet<Long> minutes = new TreeSet<>();
        final double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            final List<Candle> c = candles.range(i, fromNs, toNs);
            perInstrument.add(c);
            for (Candle candle : c) {
                minutes.add(candle.openTimeNs);
            }
            final Candle before = candles.atOrBefore(i, fromNs - 1);
            close[i] = before == null ? 0 : FixedPoint.toDouble(before.closeE8);
        }
        final int[] next = new int[n];
        final double[] position = new double[n];
        double cash = FixedPoint.toDouble(startingCashE8);
        double peak = cash;
        int fill = 0;
        final List<Point> out = new ArrayList<>(minutes.size());
        for (long openNs : minutes) {
            final long closeNs = openNs + 60_000_000_000L;
            while (fill < rows.size() && rows.get(fill).timestampNs() < closeNs) {
                final TradeLogRows.Row r = rows.get(fill++);
                final int id = instruments.idOfSymbol(r.symbol());
                if (id < 0) {
                    continue;
                }
                cash = parse(r.get(header, "cash_after"), cash);
                position[id] = parse(r.get(header, "position_size"), position[id]);
            }
            double equity = cash;
            for (int i = 0; i < n; i++) {
                final List<Candle> c = perInstrument.get(i);
                while (next[i] < c.size() && c.get(next[i]).openTimeNs <= openNs) {
                    close[i] = FixedPoint.toDouble(c.get(next[i]).closeE8);
                    next[i]++;
                }
                equity += position[i] * close[i];
            }
            peak = Math.max(peak, equity);
            out.add(new Point(closeNs / 1_000_000L, equity, peak <= 0 ? 0 : (peak - equity) / peak));
        }
        return out;
    }

    /**
     * {@code curve} with a last point at {@code timeMs} of {@code equity} (the portfolio's value now), its
     * drawdown from the curve's peak; unchanged when that time is not after the curve's last point.
     */
    static List<Point> endingAt(List<Point> curve, long timeMs, double equity, double startingCash) {
        if (!curve.isEmpty() && curve.get(curve.size() - 1).timeMs() >= timeMs) {
            return curve;
        }
        double peak = Math.max(startingCash, equity);
        for (Point p : curve) {
            peak = Math.max(peak, p.equity());
        }
        final List<Point> out = new ArrayList<>(curve);
        out.add(new Point(timeMs, equity, peak <= 0 ? 0 : (peak - equity) / peak));
        return out;
    }

    private static double parse(String text, double otherwise) {
        try {
            return text.isEmpty() ? otherwise : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
