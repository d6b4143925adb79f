package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import java.util.function.Function;

/**
 * The provider of a built-in strategy: its name, its style, and how to read its parameters into a factory. Unknown
 * parameter keys fail with the key's name once the reader has taken what it knows. Immutable.
 *
 * @param name    the name used in {@code strategies.active}
 * @param style   a {@link StrategyStyle} (weights by regime)
 * @param reader  reads {@code strategies.params.NAME} into a factory
 */
record BuiltInProvider(String name, byte style, Function<ConfigNode, StrategyFactory> reader)
    implements StrategyProvider {

    @Override
    public StrategyFactory configure(ConfigNode node) {
        final StrategyFactory factory = reader.apply(node);
        node.finish();
        return factory;
    }
}
