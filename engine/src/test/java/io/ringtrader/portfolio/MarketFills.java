package io.ringtrader.portfolio;

import io.ringtrader.event.Fill;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.Side;

/** Test helper: settles a taker fill at the account's last price moved by the slippage, as a market order gets. */
final class MarketFills {
    private MarketFills() {
    }

    static int execute(PaperBroker broker, Instrument instrument, byte side, long quantityE8, long timestampNs,
                       Fill out) {
        final long last = broker.portfolio().lastPriceE8(instrument.id());
        final long price = last <= 0 ? 0 : side == Side.BUY ? broker.buyPriceE8(last) : broker.sellPriceE8(last);
        return broker.settle(instrument, side, quantityE8, price, Liquidity.TAKER, timestampNs, out);
    }
}
