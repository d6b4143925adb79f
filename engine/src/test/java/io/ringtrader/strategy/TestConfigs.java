package io.ringtrader.strategy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.StrategyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds a {@code strategies} section from YAML text for tests. */
final class TestConfigs {
    private TestConfigs() {
    }

    static ConfigNode node(String yaml) {
        try {
            return new ConfigNode("strategies", new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StrategyConfig strategies(String yaml) {
        final ConfigNode n = node(yaml);
        final StrategyConfig config = StrategyConfig.read(n);
        n.finish();
        return config;
    }
}
