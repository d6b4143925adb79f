package io.ringtrader.strategy;

/** Creates the per-instrument instances of one configured strategy. Called at start-up only. */
@FunctionalInterface
public interface StrategyFactory {
    /** A fresh strategy for {@code instrumentId}. */
    Strategy create(int instrumentId);
}
