/**
 * The research loop's statistics and search space: parameter grids, walk-forward folds, the deflated Sharpe ratio
 * and the probability of backtest overfitting. Pure functions and immutable values, safe from any thread; nothing
 * here touches the ring.
 */
package io.ringtrader.research;
