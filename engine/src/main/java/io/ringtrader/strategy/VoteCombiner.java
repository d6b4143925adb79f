package io.ringtrader.strategy;

import io.ringtrader.event.Action;

/**
 * Combines one instrument's votes into one action: each strategy adds weight(regime) x confidence to its side;
 * the larger side wins (a tie is HOLD); confidence = |buy - sell| / N, N = number of strategies, clamped to 1.
 * Dividing by N rather than by the sum of weights keeps weights absolute (1.0 = neutral): a regime that damps
 * every strategy, like high volatility, really lowers the confidence. The lead is the strategy with the largest
 * weighted contribution on the winning side (lowest id on a tie; -1 for HOLD). Reusable, allocation-free,
 * single-threaded.
 */
public final class VoteCombiner {
    private byte action;
    private double confidence;
    private int leadStrategyId;

    /** Combines {@code count} votes ({@code actions[i]}, {@code confidences[i]}) weighted by {@code weights[i]}. */
    public void combine(byte[] actions, double[] confidences, double[] weights, int count) {
        combine(actions, confidences, weights, count, count);
    }

    /**
     * Combines {@code count} votes but divides by {@code voters}, the number of strategies actually voting (the
     * others hold with weight 0).
     */
    public void combine(byte[] actions, double[] confidences, double[] weights, int count, int voters) {
        double buy = 0;
        double sell = 0;
        for (int s = 0; s < count; s++) {
            if (actions[s] == Action.BUY) {
                buy += weights[s] * confidences[s];
            } else if (actions[s] == Action.SELL) {
                sell += weights[s] * confidences[s];
            }
        }
        action = buy > sell ? Action.BUY : sell > buy ? Action.SELL : Action.HOLD;
        confidence = action == Action.HOLD || voters <= 0 ? 0.0 : Math.min(1.0, Math.abs(buy - sell) / voters);
        leadStrategyId = -1;
        double leadContribution = 0;
        for (int s = 0; s < count && action != Action.HOLD; s++) {
            final double contribution = weights[s] * confidences[s];
            if (actions[s] == action && contribution > leadContribution) {
                leadContribution = contribution;
                leadStrategyId = s;
            }
        }
    }

    /** The combined action. */
    public byte action() {
        return action;
    }

    /** The combined confidence in [0, 1]. */
    public double confidence() {
        return confidence;
    }

    /** The strategy that contributed most to the winning side, or -1. */
    public int leadStrategyId() {
        return leadStrategyId;
    }
}
