package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;

/** A user strategy as a third-party jar would ship it: found through META-INF/services in the test resources. */
public final class AlwaysBuyProvider implements StrategyProvider {
    @Override
    public String name() {
        return "always_buy";
    }

    @Override
    public StrategyFactory configure(ConfigNode params) {
        final double confidence = params.decimal("confidence", 0.8, 0, 1);
        params.finish();
        return instrumentId -> new Strategy() {
            @Override
            public void onCandle(Candle candle) {
            }

            @Override
            public void vote(Vote out) {
                out.set(Action.BUY, confidence, Vote.REASON_NONE);
            }

            @Override
            public int warmUpCandles() {
                return 0;
            }
        };
    }
}
