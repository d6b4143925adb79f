package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;

/**
 * The service a strategy ships: found by {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.ringtrader.strategy.StrategyProvider} of your jar), named in
 * {@code strategies.active}, configured once at start-up from {@code strategies.params.NAME}. Needs a public
 * no-argument constructor. Called on the start-up thread only.
 */
public interface StrategyProvider {
    /** The name used in configuration: lower case, unique. */
    String name();

    /** {@link StrategyStyle} deciding the default regime weights. */
    default byte style() {
        return StrategyStyle.NEUTRAL;
    }

    /**
     * Reads and validates this strategy's parameters (defaults for absent keys), then calls
     * {@code params.finish()} so an unknown key fails with a ConfigException naming it.
     */
    StrategyFactory configure(ConfigNode params);
}
