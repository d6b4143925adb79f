package io.ringtrader.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private static String slot(Order o) {
        if (o.id == 0) {
            return "free"; // what a free slot held before is never read
        }
        return o.id + "/" + o.instrumentId + "/" + o.state + "/" + o.quantityE8 + "/" + o.limitPriceE8 + "/"
            + o.placedNs + "/" + o.fresh;
    }

    private static List<String> slots(OrderBook book) {
        final List<String> all = new ArrayList<>();
        for (int i = 0; i < book.instrumentCount(); i++) {
            for (int k = 0; k < book.slotsPerInstrument(); k++) {
                all.add(slot(book.slot(i, k)));
            }
            all.add("entry=" + book.entryNs(i) + " cooldown=" + book.cooldownUntilNs(i) + " any=" + book.hasOrders(i));
        }
        all.add("next=" + book.nextOrderId());
        return all;
    }

    @Test
    void shouldCopyExactlyWhateverWasAllocatedAndReleasedOnEitherSide() {
        final SplittableRandom random = new SplittableRandom(20261202);
        final OrderBook source = new OrderBook(5, 8);
        final OrderBook copy = new OrderBook(5, 8);
        final OrderBook stale = new OrderBook(5, 8);
        for (int step = 0; step < 20_000; step++) {
            final int id = random.nextInt(5);
            if (random.nextInt(3) > 0) {
                final Order o = source.allocate(id, step);
                if (o != null) {
                    o.quantityE8 = random.nextLong(1, 1_000_000);
                    o.limitPriceE8 = random.nextLong(1, 1_000_000);
                    o.state = 1;
                }
            } else {
                final Order o = source.slot(id, random.nextInt(8));
                source.release(o);
            }
            source.entryNs(id, random.nextLong(1000));
            if (step % 7 == 0) {
                copy.copyFrom(source);
                assertThat(slots(copy)).as("step %d", step).isEqualTo(slots(source));
            }
            if (step % 997 == 0) {
                // a copy into a book that has not been written for a long time: its own orders must go
                stale.copyFrom(source);
                assertThat(slots(stale)).as("step %d", step).isEqualTo(slots(source));
                for (int i = 0; i < 5; i++) {
                    final Order own = stale.allocate(i, -1);
                    if (own != null) {
                        own.quantityE8 = -1;
                    }
                }
            }
            source.settle();
        }
        assertThat(source.openCount()).isPositive();
    }

    @Test
    void shouldRefuseMoreSlotsThanItsMaskHolds() {
        assertThatThrownBy(() -> new OrderBook(1, 65)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("64");
    }
}
