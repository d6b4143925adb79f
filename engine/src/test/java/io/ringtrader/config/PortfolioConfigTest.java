package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ringtrader.event.FixedPoint;
import org.junit.jupiter.api.Test;

class PortfolioConfigTest {

    private static PortfolioConfig read(String yaml) throws Exception {
        final ConfigNode node = new ConfigNode("portfolio", new ObjectMapper(new YAMLFactory()).readTree(yaml));
        final PortfolioConfig c = PortfolioConfig.read(node);
        node.finish();
        return c;
    }

    @Test
    void shouldDefaultToOneHundredThousandCashAndCoinbaseIntroFees() {
        final PortfolioConfig c = PortfolioConfig.defaults();
        assertThat(c.startingCashE8()).isEqualTo(100_000 * FixedPoint.ONE);
        assertThat(c.takerFeeBps()).isEqualTo(120.0);
        assertThat(c.makerFeeBps()).isEqualTo(60.0);
        assertThat(c.allowShort()).isFalse();
        assertThat(c.stateIntervalSeconds()).isEqualTo(60);
        assertThat(c.statusIntervalSeconds()).isEqualTo(10);
        assertThat(c.writerQueueCapacity()).isEqualTo(4_096);
    }

    @Test
    void shouldReadEveryKey() throws Exception {
        final PortfolioConfig c = read("starting_cash: 2500.5\ntaker_fee_bps: 40\nmaker_fee_bps: 25\nslippage_bps: 2\n"
            + "state_interval_seconds: 5\nstatus_interval_seconds: 0\nwriter_queue_capacity: 64\n");
        assertThat(c).isEqualTo(new PortfolioConfig(250_050_000_000L, 40, 25, 2, false, 5, 0, 64));
    }

    @Test
    void shouldRefuseShortsAndCashBeyondTheOverflowBound() {
        assertThatThrownBy(() -> read("allow_short: true")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("portfolio.allow_short");
        assertThatThrownBy(() -> read("starting_cash: 2000000000")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("portfolio.starting_cash");
        assertThatThrownBy(() -> read("fee_pbs: 3")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("unknown key");
    }
}
