package io.ringtrader.config;

/** How the ring's stages map onto consumer threads: {@code pipeline.threads}. */
public enum ThreadTopology {
    /** One consumer thread runs every stage in chain order (microseconds on two cores). */
    FUSED,
    /** A consumer thread per stage, each gated on the one before. */
    PER_STAGE;

    /** The name as written in engine.yaml and on the command line, e.g. {@code fused}. */
    public String configName() {
        return ConfigNode.configName(this);
    }

    @Override
    public String toString() {
        return configName();
    }
}
