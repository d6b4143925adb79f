package io.ringtrader.event;

/** Codes carried in {@link MarketEvent#value} by {@link EventType#FEED_STATUS} events. */
public final class FeedStatus {
    public static final long CONNECTED = 1;
    public static final long SUBSCRIBED = 2;
    public static final long DISCONNECTED = 3;
    /** The feed reached its natural end (simulated session over, tape finished): drain and stop. */
    public static final long END_OF_FEED = 4;
    /**
     * Paper trading starts here: published (and journaled) when {@code live-trading} starts. Until it, and after
     * {@link #TRADING_OFF}, the risk/portfolio stage only marks to market. Because it is a journaled input, a
     * replay or a crash recovery trades exactly where the live sessions traded, and never on data collected by
     * {@code data-only}.
     */
    public static final long TRADING_ON = 5;
    /** Paper trading stops here: published when {@code data-only} starts. */
    public static final long TRADING_OFF = 6;
    /**
     * An operator reset of drawdown protection ({@code live-trading --reset-drawdown}): the latch opens and the peak
     * restarts at the current equity. Journaled, so a replay resets at the same point.
     */
    public static final long RESET_DRAWDOWN = 7;
    /** The strategy selection found no strategy that beat the costs: no new entries (exits still work). */
    public static final long STAND_ASIDE = 8;
    /** The strategy selection found an edge again: entries resume. */
    public static final long TRADE_ON_EDGE = 9;
    /**
     * A session started again on an existing journal (after a stop or a crash): trades printed while the engine
     * was down may be missing, so the candle stage closes the minutes still open as incomplete.
     */
    public static final long RESTARTED = 10;

    private FeedStatus() {
    }
}
