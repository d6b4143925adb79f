package io.ringtrader.strategy;

/**
 * One library strategy after its parameters were read: its name, style, regime weights and the factory of its
 * per-instrument instances. Immutable; built at start-up.
 *
 * @param name     configuration name
 * @param style    {@link StrategyStyle}
 * @param weights  weight per regime
 * @param factory  creates one instance per instrument
 */
public record ConfiguredStrategy(String name, byte style, RegimeWeights weights, StrategyFactory factory) {
}
