package io.ringtrader.config;

/** How the ring's consumers wait for the next event: {@code pipeline.wait_strategy}. */
public enum RingWait {
    /** Lock and condition: no CPU while idle, a wake-up of microseconds. */
    BLOCKING,
    /** Spin, yield, then park briefly. */
    SLEEPING,
    /** Spin, then {@code Thread.yield()} (a core each while idle). */
    YIELDING,
    /** Spin (a whole core each, always; lowest latency). */
    BUSY_SPIN;

    /** The name as written in engine.yaml and on the command line, e.g. {@code blocking}. */
    public String configName() {
        return ConfigNode.configName(this);
    }

    @Override
    public String toString() {
        return configName();
    }
}
