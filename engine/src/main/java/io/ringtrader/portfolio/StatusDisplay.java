package io.ringtrader.portfolio;

import io.ringtrader.agent.AgentThread;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agrona.concurrent.Agent;

/**
 * Console status: every {@code intervalSeconds} (wall clock: this is a display thread, not trading logic) prints a
 * compact table of cash, total value, cumulative P&amp;L, drawdown, positions and last update read from a
 * {@link PortfolioView}, plus a health line from the app. Runs as the {@code status-display} agent on its own
 * daemon thread ({@link #doWork} runs there only); {@link #render()} is usable from any thread.
 */
public final class StatusDisplay implements Agent, AutoCloseable {
    private static final String ROW = "%-8s %16s %14s %14s %14s %6s %14s %14s%n";
    private final PortfolioView view;
    private final PortfolioView.Copy copy;
    private final Instruments instruments;
    private final long startingCashE8;
    private final Supplier<String> health;
    private final long intervalNs;
    private final PrintStream out;
    /** Agent thread: when the next table is due. */
    private long nextNs;
    private AgentThread agent;

    /**
     * A display of {@code view} (P&amp;L is measured against {@code startingCashE8}) printing to {@code out} every
     * {@code intervalSeconds}, with {@code health} (e.g. feed trades/s, latency p99, gaps, reconnects) underneath.
     */
    public StatusDisplay(PortfolioView view, Instruments instruments, long startingCashE8, Supplier<String> health,
                         long intervalSeconds, PrintStream out) {
        this.view = view;
        this.copy = view.newCopy();
        this.instruments = instruments;
        this.startingCashE8 = startingCashE8;
        this.health = health;
        this.intervalNs = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.out = out;
    }

    /** Starts the display thread: the first table is printed one interval from now. */
    public void start() {
        nextNs = System.nanoTime() + intervalNs;
        agent = AgentThread.start(this, AgentThread.timerIdle());
    }

    @Override
    public String roleName() {
        return "status-display";
    }

    /** Agent thread: prints the table when it is due. */
    @Override
    public int doWork() {
        if (System.nanoTime() - nextNs < 0) {
            return 0;
        }
        nextNs += intervalNs;
        out.print(render());
        out.flush();
        return 1;
    }

    /** The status table as text (synchronized: the display thread and callers share one copy buffer). */
    public synchronized String render() {
        final StringBuilder sb = new StringBuilder(512);
        if (!view.read(copy)) {
            sb.append("portfolio: no events yet\n");
        } else {
            sb.append("---- portfolio @ ");
            Rfc3339.appendSeconds(sb, copy.lastUpdateNs);
            sb.append(" (exchange time) ----\n");
            sb.append(String.format(Locale.ROOT,
                "cash %s | total %s | P&L %s (realized %s) | drawdown %.2f%% | trades %d%n",
                money(copy.cashE8), money(copy.equityE8), money(copy.equityE8 - startingCashE8),
                money(copy.realizedPnlE8), FixedPoint.toDouble(copy.drawdownE8) * 100.0, copy.tradeCount));
            boolean any = false;
            for (int i = 0; i < copy.quantityE8.length; i++) {
                final long qty = copy.quantityE8[i];
                if (qty == 0) {
                    continue;
                }
                if (!any) {
                    sb.append(String.format(Locale.ROOT, ROW, "symbol", "quantity", "last", "value", "unrealized",
                        "orders", "stop", "take_profit"));
                    any = true;
                }
                final long value = FixedPoint.multiply(qty, copy.lastPriceE8[i]);
                sb.append(String.format(Locale.ROOT, ROW, instruments.get(i).symbol(),
                    FixedPoint.format(qty), FixedPoint.format(copy.lastPriceE8[i]), money(value),
                    money(value - copy.costBasisE8[i]), copy.openOrders[i], price(copy.stopE8[i]),
                    price(copy.takeProfitE8[i])));
            }
            if (!any) {
                sb.append("no open positions\n");
            }
            if (copy.standingAside) {
                sb.append("standing aside: the strategy selection found no strategy that beat the costs; no new"
                    + " entries\n");
            }
            if (copy.entriesHalted) {
                sb.append("drawdown protection: no new entries until the drawdown recovers or the cool-off ends\n");
            }
        }
        final String h = health == null ? null : health.get();
        if (h != null && !h.isEmpty()) {
            sb.append("health: ").append(h).append('\n');
        }
        return sb.toString();
    }

    /** Quote amount rounded to cents for display. */
    private static String price(long e8) {
        return e8 == 0 ? "-" : FixedPoint.format(e8);
    }

    private static String money(long e8) {
        return String.format(Locale.ROOT, "%.2f", FixedPoint.toDouble(e8));
    }

    /** Stops the display thread (waits at most 2 s). */
    @Override
    public void close() {
        if (agent != null) {
            agent.close(TimeUnit.SECONDS.toMillis(2));
        }
    }
}
