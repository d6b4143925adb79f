package io.ringtrader.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.event.CandleSource;
import io.ringtrader.event.FixedPoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CandlesPageTest {
    private static CandlesPage decode(String json) throws MalformedPageException {
        return CandlesPage.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String candle(String start, String low, String high, String open, String close, String volume) {
        return "{\"start\":\"" + start + "\",\"low\":\"" + low + "\",\"high\":\"" + high + "\",\"open\":\"" + open
            + "\",\"close\":\"" + close + "\",\"volume\":\"" + volume + "\"}";
    }

    @Test
    void shouldDecodeTheDocumentedShapeExactlyInFixedPoint() throws Exception {
        final CandlesPage page = decode("{\"candles\":[" + candle("1712192460", "66055.14", "66331.99", "66312.4",
            "66181.6", "355.82896243") + "," + candle("1712192400", "1", "2", "1.5", "1.5", "0") + "]}");
        assertThat(page.candles()).hasSize(2);
        assertThat(page.rejected()).isZero();
        final var c = page.candles().get(0);
        assertThat(c.openTimeNs).isEqualTo(1_712_192_460_000_000_000L);
        assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8, c.volumeE8}).containsExactly(
            FixedPoint.parse("66312.4"), FixedPoint.parse("66331.99"), FixedPoint.parse("66055.14"),
            FixedPoint.parse("66181.6"), 35_582_896_243L);
        assertThat(c.source).isEqualTo(CandleSource.REST);
        assertThat(c.complete).isTrue();
        assertThat(c.vwap()).isBetween(66055.14, 66331.99);
        assertThat(decode("{\"candles\":[]}").candles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"candles\":[{\"start\":\"17121924", "[]", "{\"error\":\"x\"}", "null",
        "{\"candles\":{}}", "<html>502</html>"})
    void shouldRefuseABodyThatIsNotTheCandlesShape(String body) {
        assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedPageException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"1712192401\",\"1\",\"2\",\"1.5\",\"1.5\",\"1\"", // not on a minute
        "\"-60\",\"1\",\"2\",\"1.5\",\"1.5\",\"1\"",
        "\"1712192400\",\"2\",\"1\",\"1.5\",\"1.5\",\"1\"", // high below low
        "\"1712192400\",\"1\",\"2\",\"3\",\"1.5\",\"1\"", // open above high
        "\"1712192400\",\"1\",\"2\",\"1.5\",\"0.5\",\"1\"", // close below low
        "\"1712192400\",\"0\",\"2\",\"1.5\",\"1.5\",\"1\"",
        "\"1712192400\",\"1\",\"2\",\"1.5\",\"1.5\",\"-1\"",
        "\"1712192400\",\"NaN\",\"2\",\"1.5\",\"1.5\",\"1\"",
        "\"1712192400\",\"1\",\"1e400\",\"1.5\",\"1.5\",\"1\"",
        "\"x\",\"1\",\"2\",\"1.5\",\"1.5\",\"1\""})
    void shouldRejectACandleWithImpossibleValuesAndKeepTheOthers(String values) throws Exception {
        final String[] v = values.replace("\"", "").split(",");
        final CandlesPage page = decode("{\"candles\":[" + candle(v[0], v[1], v[2], v[3], v[4], v[5]) + ","
            + candle("1712192400", "1", "2", "1.5", "1.5", "1") + "]}");
        assertThat(page.rejected()).isEqualTo(1);
        assertThat(page.candles()).hasSize(1);
    }
}
