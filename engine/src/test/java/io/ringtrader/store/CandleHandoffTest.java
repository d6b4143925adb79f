package io.ringtrader.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CandleHandoffTest {
    @Test
    void shouldRoundCapacityUpToPowerOfTwoAndRefuseWhenFull() {
        final CandleHandoff q = new CandleHandoff(5);
        assertThat(q.capacity()).isEqualTo(8);
        final Candle c = new Candle();
        for (int i = 0; i < 8; i++) {
            c.openTimeNs = i;
            assertThat(q.offer(c)).isTrue();
        }
        assertThat(q.offer(c)).isFalse();
        final Candle out = new Candle();
        assertThat(q.poll(out)).isTrue();
        assertThat(out.openTimeNs).isZero();
        assertThat(q.offer(c)).isTrue();
    }

    @Test
    void shouldDeliverEveryCandleInOrderAcrossThreads() throws Exception {
        final CandleHandoff q = new CandleHandoff(64);
        final int count = 200_000;
        final AtomicReference<String> error = new AtomicReference<>();
        final Thread consumer = new Thread(() -> {
            final Candle out = new Candle();
            long expected = 0;
            while (expected < count) {
                if (q.poll(out)) {
                    if (out.openTimeNs != expected || out.closeE8 != expected * 3 || out.instrumentId != 7) {
                        error.set("got " + out + " expected #" + expected);
                        return;
                    }
                    expected++;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        consumer.start();
        final Candle c = new Candle();
        c.instrumentId = 7;
        for (long i = 0; i < count; i++) {
            c.openTimeNs = i;
            c.closeE8 = i * 3;
            while (!q.offer(c)) {
                Thread.onSpinWait();
            }
        }
        consumer.join(60_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(error.get()).isNull();
    }
}
