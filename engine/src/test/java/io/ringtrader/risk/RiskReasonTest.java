package io.ringtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskReasonTest {

    @Test
    void shouldDescribeBitsReadablyAndParseThemBack() {
        assertThat(RiskReason.describe(0)).isEqualTo("OK");
        assertThat(RiskReason.describe(RiskReason.MAX_POSITION | RiskReason.MIN_SIZE))
            .isEqualTo("MAX_POSITION|MIN_SIZE");
        for (int bits = 0; bits < 1 << 11; bits++) {
            assertThat(RiskReason.parse(RiskReason.describe(bits))).isEqualTo(bits);
        }
        assertThat(RiskReason.parse("NOPE")).isEqualTo(-1);
    }
}
