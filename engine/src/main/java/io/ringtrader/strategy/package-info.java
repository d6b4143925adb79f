/**
 * The strategy stage: per-instrument {@link io.ringtrader.strategy.Strategy} instances vote on every closed candle,
 * a {@link io.ringtrader.strategy.RegimeDetector} labels the market, and the
 * {@link io.ringtrader.strategy.StrategyHandler} combines the votes, weighted by regime, into one
 * {@link io.ringtrader.event.Signal} per symbol. Strategies come from the built-in library or from a user's jar
 * through {@link java.util.ServiceLoader} ({@link io.ringtrader.strategy.StrategyProvider}); the
 * {@link io.ringtrader.strategy.StrategySelector} picks the three to run from history with a paper simulation.
 */
package io.ringtrader.strategy;
