package io.ringtrader.bench;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Fill;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.PortfolioOutbox;
import io.ringtrader.portfolio.PortfolioSnapshot;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The risk/portfolio stage per event. {@code tradeMark}: a TRADE with no signal (mark to market, equity, drawdown
 * check, periodic view publication and state snapshot): what almost every event costs. {@code signalToFill}: a
 * TRADE whose slot carries one actionable signal, alternately BUY and SELL on each instrument in turn: the market
 * order the previous signal placed fills on this trade (entry fills arm a stop-loss, a take-profit and a trailing
 * stop; exit fills cancel them), then risk sets the new target and the order manager places the next order;
 * decisions, order updates and fills written to the slot, fill and snapshot queued for the trade-log writer, view
 * published. {@code tradeWithArmedExits}: a TRADE on a symbol whose position has its three exits resting: what the
 * matching engine costs per trade while positions are open. Market entries, no cooldown, minimum hold or latency,
 * fees and slippage 0 and prices held still so the account never drifts into its drawdown limit (the fee
 * arithmetic still runs). The outbox is drained on the same thread by a no-op consumer (in the app the writer
 * thread drains it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.A})
public class RiskPortfolioBenchmark {
    private static final PortfolioOutbox.Consumer DISCARD = new PortfolioOutbox.Consumer() {
        @Override
        public void onFill(Fill fill) {
        }

        @Override
        public void onSnapshot(PortfolioSnapshot snapshot) {
        }
    };

    private final MarketEvent event = new MarketEvent(9);
    private Instruments instruments;
    private RiskPortfolioHandler handler;
    private RiskPortfolioHandler armed;
    private PortfolioOutbox outbox;
    private long[] priceE8;
    private long timestampNs = SyntheticMarket.START_NS;
    private long journalIndex;
    private int next;
    private long signals;
    private boolean[] holding;

    @Setup(Level.Trial)
    public void setUp() {
        final EngineConfig config = BenchStages.config(Map.of("portfolio.taker_fee_bps", 0.0,
            "portfolio.maker_fee_bps", 0.0, "portfolio.slippage_bps", 0.0, "orders.entry_type", "market",
            "orders.cooldown_minutes", 0, "orders.min_hold_minutes", 0, "orders.latency_ms", 0,
            "orders.cost_multiple", 0.0));
        instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final int n = instruments.size();
        final int slots = config.orders().maxOrdersPerSymbol();
        outbox = new PortfolioOutbox(config.portfolio().writerQueueCapacity(), n, slots);
        handler = new RiskPortfolioHandler(config.risk(), config.portfolio(), config.orders(), instruments,
            new Portfolio(n, config.portfolio().startingCashE8()), RiskPortfolioHandler.freshBook(config.orders(), n),
            outbox, new PortfolioView(n));
        armed = new RiskPortfolioHandler(config.risk(), config.portfolio(), config.orders(), instruments,
            new Portfolio(n, config.portfolio().startingCashE8()), RiskPortfolioHandler.freshBook(config.orders(), n),
            outbox, new PortfolioView(n));
        priceE8 = new long[n];
        holding = new boolean[n];
        for (int id = 0; id < n; id++) {
            final long ref = instruments.get(id).referencePriceE8();
            priceE8[id] = ref > 0 ? ref : 100_000_000L;
            trade(id);
            handler.onEvent(event, 0, true);
            trade(id);
            signal(id, Action.BUY);
            armed.onEvent(event, 0, true);
        }
        for (int id = 0; id < n; id++) {
            trade(id);
            armed.onEvent(event, 0, true);
            if (armed.orders().book().openCount(id) != 3) {
                throw new IllegalStateException("expected three armed exits on " + id);
            }
        }
        outbox.drain(DISCARD);
    }

    @TearDown(Level.Trial)
    public void check() {
        if (signals > 0 && (handler.fillCount() < signals / 2 || handler.brokerRejected() != 0)) {
            throw new IllegalStateException("signals stopped filling: " + handler.fillCount() + " fills for "
                + signals + " signals, " + handler.rejectedSignals() + " rejected");
        }
        for (int id = 0; id < priceE8.length; id++) {
            if (armed.orders().book().openCount(id) != 3) {
                throw new IllegalStateException("an armed exit filled or vanished on " + id);
            }
        }
    }

    @Benchmark
    public long tradeMark() {
        final int id = nextInstrument();
        trade(id);
        handler.onEvent(event, 0, true);
        outbox.drain(DISCARD);
        return handler.portfolio().equityE8();
    }

    @Benchmark
    public long tradeWithArmedExits() {
        final int id = nextInstrument();
        trade(id);
        armed.onEvent(event, 0, true);
        outbox.drain(DISCARD);
        return armed.portfolio().equityE8();
    }

    @Benchmark
    public int signalToFill() {
        final int id = nextInstrument();
        trade(id);
        signal(id, holding[id] ? Action.SELL : Action.BUY);
        holding[id] = !holding[id];
        signals++;
        handler.onEvent(event, 0, true);
        outbox.drain(DISCARD);
        return event.fills.size();
    }

    private void signal(int id, byte action) {
        final Signal s = event.signals.add();
        s.reset();
        s.instrumentId = id;
        s.timestampNs = timestampNs;
        s.action = action;
        s.confidence = 0.8;
        s.regime = Regime.TRENDING_UP;
        s.leadStrategyId = 0;
        s.referencePriceE8 = priceE8[id];
        s.filtered = false;
        s.addVote(0, s.action, 0.8);
    }

    private int nextInstrument() {
        final int id = next;
        next = next + 1 == priceE8.length ? 0 : next + 1;
        return id;
    }

    private void trade(int id) {
        event.clear();
        timestampNs += 10_000_000L;
        event.type = EventType.TRADE;
        event.instrumentId = id;
        event.timestampNs = timestampNs;
        event.priceE8 = priceE8[id];
        event.sizeE8 = 1_000_000L;
        event.side = Side.BUY;
        event.tradeId = ++journalIndex;
        event.journalIndex = journalIndex;
    }
}
