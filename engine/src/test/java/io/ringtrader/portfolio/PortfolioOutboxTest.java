package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Fill;
import java.util.ArrayList;
import java.util.List;
import io.ringtrader.order.OrderBook;
import org.junit.jupiter.api.Test;

class PortfolioOutboxTest {

    private static final class Recorder implements PortfolioOutbox.Consumer {
        final List<Long> seen = new ArrayList<>();

        @Override
        public void onFill(Fill fill) {
            seen.add(fill.quantityE8);
        }

        @Override
        public void onSnapshot(PortfolioSnapshot snapshot) {
            seen.add(-snapshot.cashE8);
        }
    }

    @Test
    void shouldDeliverFillsInOrderThenOnlyTheNewestSnapshotAndCountOverflow() {
        final PortfolioOutbox outbox = new PortfolioOutbox(4, 1, 4);
        final Fill fill = new Fill();
        for (long q = 1; q <= 3; q++) {
            fill.quantityE8 = q;
            assertThat(outbox.offerFill(fill)).isTrue();
        }
        assertThat(outbox.offerSnapshot(new Portfolio(1, 8), new OrderBook(1, 4))).isTrue();
        assertThat(outbox.offerSnapshot(new Portfolio(1, 9), new OrderBook(1, 4))).isTrue();
        fill.quantityE8 = 4;
        assertThat(outbox.offerFill(fill)).isTrue();
        fill.quantityE8 = 5;
        assertThat(outbox.offerFill(fill)).as("full").isFalse();
        assertThat(outbox.overflows()).isEqualTo(1);
        final Recorder r = new Recorder();
        assertThat(outbox.drain(r)).isEqualTo(5);
        assertThat(r.seen).as("every fill, then the newest state once").containsExactly(1L, 2L, 3L, 4L, -9L);
        assertThat(outbox.drain(r)).as("a snapshot is handed over once").isZero();
        assertThat(outbox.offerFill(fill)).isTrue();
        assertThat(outbox.drain(r)).isEqualTo(1);
        assertThat(outbox.backlog()).isZero();
        for (long cash = 10; cash < 20; cash++) {
            outbox.offerSnapshot(new Portfolio(1, cash), new OrderBook(1, 4));
            r.seen.clear();
            assertThat(outbox.drain(r)).isEqualTo(1);
            assertThat(r.seen).as("the three buffers rotate without losing the newest").containsExactly(-cash);
        }
    }

    @Test
    void shouldNeverHandOverAStateAheadOfTheFillsAcrossThreads() throws InterruptedException {
        final PortfolioOutbox outbox = new PortfolioOutbox(64, 1, 4);
        final int count = 200_000;
        final Thread producer = new Thread(() -> {
            final Fill fill = new Fill();
            for (long q = 1; q <= count; q++) {
                fill.quantityE8 = q;
                while (!outbox.offerFill(fill)) {
                    Thread.onSpinWait();
                }
                // the state after fill q: its cash tells which fill it reflects
                outbox.offerSnapshot(new Portfolio(1, q), new OrderBook(1, 4));
            }
        });
        final long[] fills = {0};
        final long[] lastState = {0};
        final boolean[] ok = {true};
        final PortfolioOutbox.Consumer check = new PortfolioOutbox.Consumer() {
            @Override
            public void onFill(Fill fill) {
                ok[0] &= fill.quantityE8 == fills[0] + 1;
                fills[0]++;
            }

            @Override
            public void onSnapshot(PortfolioSnapshot snapshot) {
                ok[0] &= snapshot.cashE8 <= fills[0] && snapshot.cashE8 > lastState[0];
                lastState[0] = snapshot.cashE8;
            }
        };
        producer.start();
        while (lastState[0] < count) {
            outbox.drain(check);
        }
        producer.join();
        assertThat(ok[0]).as("fills in order; every state after the fills it reflects, newer each time").isTrue();
        assertThat(fills[0]).isEqualTo(count);
    }

    @Test
    void shouldHandOverEveryEntryAcrossThreadsInOrder() throws InterruptedException {
        final PortfolioOutbox outbox = new PortfolioOutbox(64, 1, 4);
        final int count = 50_000;
        final Thread producer = new Thread(() -> {
            final Fill fill = new Fill();
            for (long q = 1; q <= count; q++) {
                fill.quantityE8 = q;
                fill.cashAfterE8 = q * 3;
                while (!outbox.offerFill(fill)) {
                    Thread.onSpinWait();
                }
            }
        });
        final long[] expected = {1};
        final boolean[] ok = {true};
        final PortfolioOutbox.Consumer check = new PortfolioOutbox.Consumer() {
            @Override
            public void onFill(Fill fill) {
                ok[0] &= fill.quantityE8 == expected[0] && fill.cashAfterE8 == expected[0] * 3;
                expected[0]++;
            }

            @Override
            public void onSnapshot(PortfolioSnapshot snapshot) {
                ok[0] = false;
            }
        };
        producer.start();
        while (expected[0] <= count) {
            outbox.drain(check);
        }
        producer.join();
        assertThat(ok[0]).isTrue();
        assertThat(outbox.overflows()).as("the producer retried, counting each full ring").isNotNegative();
    }
}
