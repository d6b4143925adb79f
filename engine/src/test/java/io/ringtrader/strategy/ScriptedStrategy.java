package io.ringtrader.strategy;

import io.ringtrader.event.Candle;

/** Votes a fixed script: vote i after the i-th candle. */
final class ScriptedStrategy implements Strategy {
    private final byte[] actions;
    private final double[] confidences;
    private int index = -1;

    ScriptedStrategy(byte[] actions, double[] confidences) {
        this.actions = actions;
        this.confidences = confidences;
    }

    @Override
    public void onCandle(Candle candle) {
        index++;
    }

    @Override
    public void vote(Vote out) {
        out.set(actions[index], confidences[index], Vote.REASON_NONE);
    }

    @Override
    public int warmUpCandles() {
        return 0;
    }
}
