package io.ringtrader.dashboard;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Signal;

/**
 * A ring stage placed after the strategy stage when the dashboard is on: copies each signal the strategy stage
 * wrote into the slot into the {@link SignalView}. Reads only the slot (the strategy stage has finished with it),
 * so the strategy stage's own state is never shared; allocation-free and lock-free.
 */
public final class SignalViewHandler implements EventHandler<MarketEvent> {
    private final SignalView view;

    /** A stage publishing into {@code view}. */
    public SignalViewHandler(SignalView view) {
        this.view = view;
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        final OutputBatch<Signal> signals = event.signals;
        for (int i = 0; i < signals.size(); i++) {
            view.publish(signals.get(i));
        }
    }
}
