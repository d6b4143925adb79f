package io.ringtrader.app;

import io.ringtrader.exchange.LeanBarsToTape;
import io.ringtrader.exchange.LeanBarsToTape.TapeTrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The real-data tape the acceptance tests share: Lean minute bars of Coinbase pairs turned into trades. */
final class RealTape {
    /** BTC, ETH and LTC on 2018-04-04..06 (Lean has no ETH-USD minute file for 2018-04-06). */
    static final String[] SYMBOLS = {"BTC", "ETH", "LTC"};
    static final String[] DAYS = {"20180404", "20180405", "20180406"};

    private RealTape() {
    }

    /** Every symbol's trades over the days, merged by time (stable: ties keep symbol order); ids from 1 each. */
    static List<TapeTrade> of(String[] symbols, String[] days) throws java.io.IOException {
        final List<TapeTrade> tape = new ArrayList<>();
        for (String symbol : symbols) {
            long nextId = 1;
            for (String day : days) {
                final String name = "minute/" + symbol.toLowerCase(Locale.ROOT) + "usd/" + day + "_trade.zip";
                if (RealTape.class.getResource("/lean/" + name) == null) {
                    continue;
                }
                final List<TapeTrade> trades = LeanBarsToTape.convert(symbol + "-USD",
                    RealDataAcceptanceFeedTest.resource(name), nextId);
                nextId += trades.size();
                tape.addAll(trades);
            }
        }
        tape.sort(Comparator.comparingLong(TapeTrade::timeNs));
        return tape;
    }
}
