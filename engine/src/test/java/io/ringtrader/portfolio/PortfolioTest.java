package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Side;
import io.ringtrader.order.OrderBook;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioTest {
    private static final long ONE = FixedPoint.ONE;

    private static Instrument[] instruments() {
        return new Instrument[] {
            new Instrument(0, "BTC", "BTC-USD", 1_000_000L, 1L, 1_000L, 0),
            new Instrument(1, "ADA", "ADA-USD", 10_000L, 1_000_000L, 100_000_000L, 0),
            new Instrument(2, "SOL", "SOL-USD", 1_000_000L, 1L, 1_000_000L, 0),
        };
    }

    @Test
    void accountingInvariantsShouldHoldExactlyAfterEveryStepOfRandomStreams() {
        for (int run = 0; run < 50; run++) {
            final long seed = 20_260_000L + run;
            checkStream(seed);
        }
    }

    private static void checkStream(long seed) {
        final Random rnd = new Random(seed);
        final Instrument[] inst = instruments();
        final long start = (1 + rnd.nextInt(1_000_000)) * ONE;
        final Portfolio p = new Portfolio(inst.length, start);
        final long fee = rnd.nextInt(200) * 10_000L;
        final PaperBroker broker = new PaperBroker(p, fee, fee, rnd.nextInt(50) * 10_000L);
        final long[] price = {65_000 * ONE, 45_000_000L, 150 * ONE};
        final Fill fill = new Fill();
        long fees = 0;
        long realized = 0;
        long trades = 0;
        for (int step = 0; step < 2_000; step++) {
            final int id = rnd.nextInt(inst.length);
            final String at = "seed " + seed + " step " + step;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    price[id] = Math.max(1, price[id] + (long) (price[id] * rnd.nextGaussian() * 0.01));
                    p.mark(id, price[id]);
                }
                case 1 -> {
                    if (p.lastPriceE8(id) > 0) {
                        final long afford = broker.affordableQuantityE8(p.cashE8(), broker.buyPriceE8(price[id]));
                        final long q = FixedPoint.floorTo((long) (afford * rnd.nextDouble() * 0.5),
                            inst[id].sizeIncrementE8());
                        final long cashBefore = p.cashE8();
                        final int rc = MarketFills.execute(broker, inst[id], Side.BUY, q, step, fill);
                        if (rc == 0) {
                            fees += fill.feeE8;
                            trades++;
                            assertThat(cashBefore - fill.notionalE8 - fill.feeE8).as(at).isEqualTo(p.cashE8());
                        } else {
                            assertThat(q < inst[id].minOrderSizeE8() || q <= 0).as(at).isTrue();
                        }
                    }
                }
                default -> {
                    final long held = p.quantityE8(id);
                    final long q = rnd.nextInt(4) == 0 ? held
                        : FixedPoint.floorTo((long) (held * rnd.nextDouble()), inst[id].sizeIncrementE8());
                    final long basis = p.costBasisE8(id);
                    final int rc = MarketFills.execute(broker, inst[id], Side.SELL, q, step, fill);
                    if (rc == 0) {
                        fees += fill.feeE8;
                        trades++;
                        realized += fill.realizedPnlE8;
                        final long expectedBasisSold = BigInteger.valueOf(basis).multiply(BigInteger.valueOf(q))
                            .divide(BigInteger.valueOf(held)).longValueExact();
                        assertThat(fill.realizedPnlE8).as(at)
                            .isEqualTo(fill.notionalE8 - fill.feeE8 - expectedBasisSold);
                    }
                }
            }
            long positions = 0;
            long basisTotal = 0;
            for (int i = 0; i < inst.length; i++) {
                assertThat(p.quantityE8(i)).as(at).isNotNegative();
                assertThat(p.costBasisE8(i)).as(at).isNotNegative();
                if (p.quantityE8(i) == 0) {
                    assertThat(p.costBasisE8(i)).as(at).isZero();
                }
                positions += FixedPoint.multiply(p.quantityE8(i), p.lastPriceE8(i));
                basisTotal += p.costBasisE8(i);
            }
            assertThat(p.cashE8()).as(at).isNotNegative();
            assertThat(p.equityE8()).as(at).isEqualTo(p.cashE8() + positions);
            assertThat(p.cashE8() + basisTotal).as(at + ": cash + cost basis == start + realized")
                .isEqualTo(start + p.realizedPnlE8());
            assertThat(p.realizedPnlE8()).as(at).isEqualTo(realized);
            assertThat(p.feesPaidE8()).as(at).isEqualTo(fees);
            assertThat(p.tradeCount()).as(at).isEqualTo(trades);
            assertThat(p.peakEquityE8()).as(at).isGreaterThanOrEqualTo(p.equityE8());
        }
        final PortfolioSnapshot s = new PortfolioSnapshot(inst.length, 4);
        s.copyFrom(p, new OrderBook(inst.length, 4));
        final Portfolio restored = Portfolio.restore(s);
        assertThat(restored.equityE8()).as("seed %d", seed).isEqualTo(p.equityE8());
        assertThat(restored.costBasisE8(1)).isEqualTo(p.costBasisE8(1));
        assertThat(restored.peakEquityE8()).isEqualTo(p.peakEquityE8());
    }

    @Test
    void shouldTrackPeakAndDrawdownOnMarks() {
        final Portfolio p = new Portfolio(1, 1_000 * ONE);
        final PaperBroker broker = new PaperBroker(p, 0, 0, 0);
        p.mark(0, 100 * ONE);
        MarketFills.execute(broker, new Instrument(0, "A", "A-USD", 1, 1, 1, 0), Side.BUY, 10 * ONE, 0, new Fill());
        p.mark(0, 150 * ONE);
        assertThat(p.peakEquityE8()).isEqualTo(1_500 * ONE);
        p.mark(0, 75 * ONE);
        assertThat(p.equityE8()).isEqualTo(750 * ONE);
        assertThat(p.drawdownE8()).isEqualTo(ONE / 2);
    }
}
