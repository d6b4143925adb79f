package io.ringtrader.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleViewTest {
    private static final long MINUTE = 60_000_000_000L;

    private static Candle candle(int id, long minute) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = minute * MINUTE;
        c.closeE8 = minute;
        return c;
    }

    @Test
    void shouldServeRangesPerSymbolAndForgetWhatFallsOutOfTheRetentionWindow() {
        final CandleView view = new CandleView(2, 1);
        for (long m = 0; m < 3000; m++) {
            view.add(candle(0, m));
        }
        view.add(candle(1, 5));
        final List<Candle> range = view.range(0, 2000 * MINUTE, 2010 * MINUTE);
        assertThat(range).extracting(c -> c.closeE8).containsExactly(2000L, 2001L, 2002L, 2003L, 2004L, 2005L,
            2006L, 2007L, 2008L, 2009L);
        assertThat(view.range(0, 0, 1000 * MINUTE)).as("older than a day behind the newest").isEmpty();
        assertThat(view.range(0, 0, 3000 * MINUTE)).hasSize(1441);
        assertThat(view.newestOpenNs(0)).isEqualTo(2999 * MINUTE);
        assertThat(view.newestOpenNs(1)).isEqualTo(5 * MINUTE);
        assertThat(view.atOrBefore(1, 100 * MINUTE).closeE8).isEqualTo(5);
        assertThat(view.atOrBefore(1, 4 * MINUTE)).isNull();
        assertThat(view.range(1, 10 * MINUTE, 5 * MINUTE)).isEmpty();
    }
}
