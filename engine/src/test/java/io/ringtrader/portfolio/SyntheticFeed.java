package io.ringtrader.portfolio;

import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import java.util.List;
import java.util.Random;

/**
 * Test fixture: a seeded, allocation-free stream of ring slots as the earlier stages would annotate them (trades
 * with correlated random-walk prices, heartbeats, closed candles at minute boundaries, random BUY/SELL/HOLD
 * signals, journal indexes) including a crash phase so drawdown protection is exercised.
 */
final class SyntheticFeed {
    static final Instruments INSTRUMENTS = Instruments.of(List.of("BTC", "ETH", "ADA", "SOL"), "USD");
    static final long START_NS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static final long MINUTE_NS = 60_000_000_000L;

    private final Random rnd;
    private final long[] priceE8;
    private final long[] closeE8;
    private long timestampNs = START_NS;
    private long minute = START_NS / MINUTE_NS;
    private long journalIndex;
    private long tradeId;
    private final boolean crash;

    SyntheticFeed(long seed) {
        this(seed, true);
    }

    SyntheticFeed(long seed, boolean crash) {
        this.crash = crash;
        rnd = new Random(seed);
        final int n = INSTRUMENTS.size();
        priceE8 = new long[n];
        closeE8 = new long[n];
        for (int i = 0; i < n; i++) {
            priceE8[i] = INSTRUMENTS.get(i).referencePriceE8();
        }
    }

    /** Clears {@code e} and fills it with the next event; allocation-free. */
    void next(MarketEvent e) {
        e.clear();
        timestampNs += 50_000_000L + (long) (rnd.nextDouble() * 1_500_000_000L);
        e.timestampNs = timestampNs;
        e.journalIndex = journalIndex++;
        final long nowMinute = timestampNs / MINUTE_NS;
        if (nowMinute != minute) {
            for (int i = 0; i < priceE8.length; i++) {
                if (closeE8[i] > 0) {
                    final Candle c = e.closedCandles.add();
                    c.instrumentId = i;
                    c.openTimeNs = minute * MINUTE_NS;
                    c.openE8 = closeE8[i];
                    c.highE8 = closeE8[i];
                    c.lowE8 = closeE8[i];
                    c.closeE8 = closeE8[i];
                    c.volumeE8 = FixedPoint.ONE;
                    c.tradeCount = 1;
                    c.complete = true;
                }
            }
            minute = nowMinute;
            final int signals = rnd.nextInt(3);
            for (int k = 0; k < signals; k++) {
                final Signal s = e.signals.add();
                s.reset();
                s.instrumentId = rnd.nextInt(priceE8.length);
                s.timestampNs = timestampNs;
                final int a = rnd.nextInt(10);
                s.action = a < 5 ? Action.BUY : a < 9 ? Action.SELL : Action.HOLD;
                s.confidence = rnd.nextDouble();
                s.filtered = rnd.nextInt(6) == 0;
                s.regime = (byte) rnd.nextInt(5);
                s.leadStrategyId = rnd.nextInt(3);
                s.referencePriceE8 = priceE8[s.instrumentId];
                s.addVote(s.leadStrategyId, s.action, s.confidence);
            }
        }
        if (rnd.nextInt(20) == 0) {
            e.type = EventType.HEARTBEAT;
            return;
        }
        final int id = rnd.nextInt(priceE8.length);
        // a crash phase between journal indexes 3000 and 4000 trips drawdown protection
        final double drift = crash && journalIndex > 3_000 && journalIndex < 4_000 ? -0.003 : 0.00002;
        final double common = rnd.nextGaussian() * 0.002;
        final long increment = INSTRUMENTS.get(id).priceIncrementE8();
        final long moved = (long) (priceE8[id] * (1 + drift + common + rnd.nextGaussian() * 0.001));
        priceE8[id] = Math.max(increment, FixedPoint.floorTo(moved, increment));
        closeE8[id] = priceE8[id];
        e.type = EventType.TRADE;
        e.instrumentId = id;
        e.priceE8 = priceE8[id];
        e.sizeE8 = 1 + (long) (rnd.nextDouble() * FixedPoint.ONE);
        e.tradeId = ++tradeId;
        e.side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
    }
}
