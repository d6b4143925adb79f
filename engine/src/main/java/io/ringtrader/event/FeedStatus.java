package io.ringtrader.event;

/** Codes carried in {@link MarketEvent#value} by {@link EventType#FEED_STATUS} events. */
public final class FeedStatus {
    public static final long CONNECTED = 1;
    public static final long SUBSCRIBED = 2;
    public static final long DISCONNECTED = 3;
    /** The feed reached its natural end (simulated session over, tape finished): drain and stop. */
    public static final long END_OF_FEED = 4;

    private FeedStatus() {
    }
}
