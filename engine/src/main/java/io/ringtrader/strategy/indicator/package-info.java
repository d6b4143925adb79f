/**
 * Incremental technical indicators for the strategy stage: O(1) (or amortised O(1)) per candle, allocation-free,
 * backed by fixed-size primitive rings, each checked in tests against a naive full-window computation.
 */
package io.ringtrader.strategy.indicator;
