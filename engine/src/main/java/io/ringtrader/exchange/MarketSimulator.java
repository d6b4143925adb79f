package io.ringtrader.exchange;

import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic, seeded market: correlated log-price random walks (a common market factor plus mean-reverting
 * idiosyncratic noise) whose drift and volatility follow a {@link RegimeChain}, Poisson trade arrivals per symbol
 * (BTC busiest), heavy-tailed trade sizes, and a heartbeat at every whole simulated second. The same seed and
 * instruments always give the same event stream. Single-threaded: driven by whoever calls {@link #next}.
 */
public final class MarketSimulator implements MarketSource {
    /** Default start of simulated time: 2026-01-05T00:00:00Z (a Monday), so runs never depend on the wall clock. */
    public static final long DEFAULT_START_NS = Rfc3339.daysFromCivil(2026, 1, 5) * 86_400L * 1_000_000_000L;

    private static final Logger LOG = LogManager.getLogger(MarketSimulator.class);
    private static final long SECOND_NS = 1_000_000_000L;
    /** Base volatility of the market factor per simulated second (about 0.9 % per hour); trends add 2 % per hour. */
    private static final double BASE_VOL = 1.5e-4;
    private static final double TREND_PER_SECOND = 0.02 / 3600;
    private static final double RANGE_KAPPA = Math.log(2) / 300;
    private static final double LONG_KAPPA = Math.log(2) / 86_400;
    private static final double IDIO_KAPPA = Math.log(2) / 7_200;
    private static final double HALF_SPREAD = 1e-5;
    private static final double MEDIAN_NOTIONAL_USD = 150;
    private static final int INSTRUMENT_BITS = 10;

    private final int count;
    private final SplittableRandom random;
    private final RegimeChain regimes;
    private long endNs;
    private long resumeAfterNs = Long.MIN_VALUE;
    private long[] idsAfter;
    private final long[] priceIncrementE8;
    private final long[] sizeIncrementE8;
    private final double[] logReference;
    private final double[] beta;
    private final double[] idioVol;
    private final double[] cumulativeRate;
    private final double[] logPriceFrom;
    private final double[] logPriceTo;
    private final double[] idio;
    private final long[] nextTradeId;
    private final SimBook book;
    private long[] pending = new long[256];
    private int pendingCount;
    private int pendingIndex;
    private long secondStartNs;
    private boolean heartbeatDue = true;
    private boolean finished;
    private double factor;
    private double rangeAnchor;
    private byte regime;
    private long trades;

    /** A session of {@code simHours} (0 = endless) starting at {@link #DEFAULT_START_NS}. */
    public MarketSimulator(Instruments instruments, long seed, double simHours) {
        this(instruments, seed, simHours, DEFAULT_START_NS);
    }

    /** A session of {@code simHours} (0 = endless) starting at {@code startNs} (rounded down to a second). */
    public MarketSimulator(Instruments instruments, long seed, double simHours, long startNs) {
        if (instruments.size() == 0 || instruments.size() >= 1 << INSTRUMENT_BITS) {
            throw new IllegalArgumentException("need 1 to 1023 instruments, got " + instruments.size());
        }
        if (simHours < 0 || Double.isNaN(simHours)) {
            throw new IllegalArgumentException("simHours must be >= 0, got " + simHours);
        }
        this.count = instruments.size();
        this.random = new SplittableRandom(seed);
        this.secondStartNs = Math.floorDiv(startNs, SECOND_NS) * SECOND_NS;
        this.endNs = simHours == 0 ? Long.MAX_VALUE : secondStartNs + Math.round(simHours * 3600) * SECOND_NS;
        this.regimes = new RegimeChain(random.split(), secondStartNs);
        this.regime = regimes.regime();
        LOG.info("simulated market: seed {}, {} instruments, {} h from {}, first regime {}", seed, count,
            simHours == 0 ? "endless" : simHours, CoinbaseTime.rfc3339(secondStartNs), Regime.name(regime));
        priceIncrementE8 = new long[count];
        sizeIncrementE8 = new long[count];
        logReference = new double[count];
        beta = new double[count];
        idioVol = new double[count];
        cumulativeRate = new double[count];
        logPriceFrom = new double[count];
        logPriceTo = new double[count];
        idio = new double[count];
        nextTradeId = new long[count];
        double rate = 0;
        for (int i = 0; i < count; i++) {
            final Instrument instrument = instruments.get(i);
            final String symbol = instrument.symbol();
            priceIncrementE8[i] = Math.max(1, instrument.priceIncrementE8());
            sizeIncrementE8[i] = Math.max(1, instrument.sizeIncrementE8());
            final long referenceE8 = instrument.referencePriceE8() > 0 ? instrument.referencePriceE8()
                : 10 * FixedPoint.ONE;
            logReference[i] = Math.log(FixedPoint.toDouble(referenceE8));
            beta[i] = "BTC".equals(symbol) ? 1.0 : "ETH".equals(symbol) ? 1.15 : 1.3;
            idioVol[i] = BASE_VOL * ("BTC".equals(symbol) ? 0.25 : "ETH".equals(symbol) ? 0.5 : 0.9);
            rate += tradesPerSecond(symbol);
            cumulativeRate[i] = rate;
            logPriceTo[i] = logReference[i];
            nextTradeId[i] = 1_000_000L;
        }
        this.book = new SimBook(count, priceIncrementE8, sizeIncrementE8, seed);
    }

    @Override
    public SimBook book() {
        return book;
    }

    /**
     * A market resumed after a restart continues each product's trade ids after the last one the engine journaled
     * ({@code lastTradeIds[i] < 0}: not seen), as Coinbase's ids continue: the engine's restart dedup then neither
     * drops new trades as repeats nor reports a gap. The resumed walk's own ids already do; this only matters for a
     * journal of another market (another seed). Call before the first {@link #next}, after {@link #resumeAfter}.
     */
    public MarketSimulator continueTradeIdsAfter(long[] lastTradeIds) {
        idsAfter = lastTradeIds.clone();
        if (resumeAfterNs == Long.MIN_VALUE) {
            applyIdsAfter();
        }
        return this;
    }

    private void applyIdsAfter() {
        for (int i = 0; idsAfter != null && i < count && i < idsAfter.length; i++) {
            if (idsAfter[i] >= nextTradeId[i]) {
                nextTradeId[i] = idsAfter[i] + 1;
            }
        }
        idsAfter = null;
    }

    /**
     * A market resumed after a restart: the same market as an uninterrupted run (the walk is simulated again from
     * the start, unsent, up to {@code afterNs}, the last exchange time the engine journaled), served from the first
     * event after it, for the session's hours counted from there. Call before the first {@link #next}.
     */
    public MarketSimulator resumeAfter(long afterNs) {
        if (afterNs >= secondStartNs) {
            resumeAfterNs = afterNs;
            if (endNs != Long.MAX_VALUE) {
                endNs += Math.floorDiv(afterNs, SECOND_NS) * SECOND_NS - secondStartNs;
            }
        }
        return this;
    }

    /** Mean trade arrivals per simulated second for a symbol in a calm market. */
    public static double tradesPerSecond(String symbol) {
        return switch (symbol) {
            case "BTC" -> 4.0;
            case "ETH" -> 2.5;
            case "SOL" -> 1.2;
            default -> 0.6;
        };
    }

    @Override
    public boolean next(SimEvent out) {
        if (resumeAfterNs != Long.MIN_VALUE) {
            final long after = resumeAfterNs;
            while (advance(out)) {
                if (out.timestampNs > after) {
                    resumeAfterNs = Long.MIN_VALUE;
                    if (out.type == EventType.TRADE) {
                        nextTradeId[out.instrumentId] = out.tradeId; // its id is given again, after the journal's
                        applyIdsAfter();
                        out.tradeId = nextTradeId[out.instrumentId]++;
                    } else {
                        applyIdsAfter();
                    }
                    return true;
                }
            }
            return false;
        }
        return advance(out);
    }

    private boolean advance(SimEvent out) {
        if (finished) {
            return false;
        }
        if (!heartbeatDue && pendingIndex == pendingCount) {
            secondStartNs += SECOND_NS;
            heartbeatDue = true;
        }
        if (heartbeatDue) {
            heartbeatDue = false;
            out.heartbeat(secondStartNs);
            out.regime = regime;
            if (secondStartNs >= endNs) {
                finished = true;
            } else {
                simulateSecond();
            }
            return true;
        }
        emitTrade(pending[pendingIndex++], out);
        return true;
    }

    /** The regime in force for the second being emitted. */
    public byte regime() {
        return regime;
    }

    /** Number of regime switches so far. */
    public long regimeSwitches() {
        return regimes.switches();
    }

    /** Trades emitted so far. */
    public long trades() {
        return trades;
    }

    private void simulateSecond() {
        final byte previous = regime;
        regime = regimes.at(secondStartNs);
        if (regime != previous) {
            if (regime == Regime.RANGING) {
                rangeAnchor = factor;
            }
            // the ground truth a user can hold regime detection against; a few lines per simulated hour
            if (secondStartNs > resumeAfterNs) { // not while simulating again the hours a restart already had
                LOG.info("simulated market regime {} from {}", Regime.name(regime),
                    CoinbaseTime.rfc3339(secondStartNs));
            }
        }
        double drift = -LONG_KAPPA * factor;
        double volMultiplier = 1.0;
        double rateMultiplier = 1.0;
        switch (regime) {
            case Regime.TRENDING_UP -> {
                drift += TREND_PER_SECOND;
                rateMultiplier = 1.3;
            }
            case Regime.TRENDING_DOWN -> {
                drift -= TREND_PER_SECOND;
                rateMultiplier = 1.3;
            }
            case Regime.RANGING -> {
                drift += RANGE_KAPPA * (rangeAnchor - factor);
                volMultiplier = 0.6;
            }
            default -> {
                volMultiplier = 3.0;
                rateMultiplier = 2.0;
            }
        }
        factor += drift + BASE_VOL * volMultiplier * random.nextGaussian();
        for (int i = 0; i < count; i++) {
            logPriceFrom[i] = logPriceTo[i];
            idio[i] += -IDIO_KAPPA * idio[i] + idioVol[i] * volMultiplier * random.nextGaussian();
            logPriceTo[i] = logReference[i] + beta[i] * factor + idio[i];
        }
        for (int i = 0; i < count; i++) {
            book.rebuild(i, Math.exp(logPriceFrom[i]), HALF_SPREAD, regime); // the book as the second starts
        }
        final int n = poisson(cumulativeRate[count - 1] * rateMultiplier);
        if (n > pending.length) {
            pending = new long[Math.max(n, pending.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            final long offsetMicros = random.nextInt(1_000_000);
            pending[k] = offsetMicros << INSTRUMENT_BITS | pickInstrument();
        }
        Arrays.sort(pending, 0, n);
        pendingCount = n;
        pendingIndex = 0;
    }

    private void emitTrade(long code, SimEvent out) {
        final int i = (int) (code & ((1 << INSTRUMENT_BITS) - 1));
        final long offsetMicros = code >>> INSTRUMENT_BITS;
        final double u = offsetMicros / 1e6;
        final double mid = Math.exp(logPriceFrom[i] + u * (logPriceTo[i] - logPriceFrom[i]));
        final byte side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // a maker BUY means a taker sold into the bid, so it prints below the mid
        final double price = side == Side.BUY ? mid * (1 - HALF_SPREAD) : mid * (1 + HALF_SPREAD);
        final long priceInc = priceIncrementE8[i];
        final long priceE8 = Math.max(priceInc, Math.round(price * FixedPoint.ONE / priceInc) * priceInc);
        final long sizeInc = sizeIncrementE8[i];
        final double sizeE8Raw = notionalUsd() / FixedPoint.toDouble(priceE8) * FixedPoint.ONE;
        final long sizeE8 = Math.max(sizeInc, (long) (sizeE8Raw / sizeInc) * sizeInc);
        out.trade(i, secondStartNs + offsetMicros * 1000, priceE8, sizeE8, nextTradeId[i]++, side);
        out.regime = regime;
        trades++;
    }

    /** Lognormal body with an occasional Pareto tail (alpha 1.5), capped so one print cannot be absurd. */
    private double notionalUsd() {
        double notional = MEDIAN_NOTIONAL_USD * Math.exp(random.nextGaussian());
        if (random.nextDouble() < 0.05) {
            notional *= Math.min(1_000, Math.pow(1.0 - random.nextDouble(), -1 / 1.5));
        }
        return notional;
    }

    private int pickInstrument() {
        final double u = random.nextDouble() * cumulativeRate[count - 1];
        for (int i = 0; i < count - 1; i++) {
            if (u < cumulativeRate[i]) {
                return i;
            }
        }
        return count - 1;
    }

    private int poisson(double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        final double limit = Math.exp(-lambda);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
