package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentsTest {

    @Test
    void shouldMapSymbolsAndProductsToDenseIds() {
        final Instruments instruments = Instruments.of(List.of("BTC", "eth", "NEWCOIN"), "usd");
        assertThat(instruments.size()).isEqualTo(3);
        assertThat(instruments.get(1).productId()).isEqualTo("ETH-USD");
        assertThat(instruments.idOfSymbol("ETH")).isEqualTo(1);
        assertThat(instruments.idOfProduct("NEWCOIN-USD")).isEqualTo(2);
        final byte[] frame = "..\"BTC-USD\"..".getBytes(StandardCharsets.US_ASCII);
        assertThat(instruments.idOfProduct(frame, 3, 7)).isEqualTo(0);
        assertThat(instruments.idOfProduct(frame, 3, 6)).isEqualTo(Instruments.UNKNOWN);
        assertThat(instruments.idOfProduct("DOGE-USD")).isEqualTo(Instruments.UNKNOWN);
    }

    @Test
    void shouldGiveKnownIncrementsAndSensibleFallbacks() {
        final Instruments instruments = Instruments.of(List.of("BTC", "NEWCOIN"), "USD");
        assertThat(instruments.get(0).priceIncrementE8()).isEqualTo(FixedPoint.parse("0.01"));
        assertThat(instruments.get(0).sizeIncrementE8()).isEqualTo(1);
        assertThat(instruments.get(1).priceIncrementE8()).isPositive();
        assertThat(instruments.get(1).sizeIncrementE8()).isPositive();
    }
}
