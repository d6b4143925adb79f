package io.ringtrader.config;

import java.util.Locale;

/**
 * How the background agents that drain a queue or tail a journal (trade-log writer, Parquet writer, journal
 * source) wait when a duty cycle found no work: {@code pipeline.background_idle}. Turned into an Agrona idle
 * strategy by {@code io.ringtrader.agent.AgentThread}.
 */
public enum BackgroundIdle {
    /** Spin once, yield once, then park from 1 us doubling up to 1 ms (the default). */
    BACKOFF,
    /** Sleep 1 ms between empty duty cycles. */
    SLEEPING,
    /** {@code Thread.yield()} between empty duty cycles (a core each while idle). */
    YIELDING,
    /** Spin (a whole core each, always). */
    BUSY_SPIN;

    /** The values as written in engine.yaml. */
    static final String[] NAMES = {"backoff", "sleeping", "yielding", "busy-spin"};

    /** The value named {@code name}, one of {@link #NAMES} (as returned by {@link ConfigNode#choice}). */
    static BackgroundIdle named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The name as written in engine.yaml. */
    public String configName() {
        return NAMES[ordinal()];
    }
}
