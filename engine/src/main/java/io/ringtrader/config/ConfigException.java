package io.ringtrader.config;

/** A configuration problem: names the key and says what is wrong. The CLI turns it into exit code 2. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    /** A problem with {@code key} (a dotted path such as {@code risk.max_drawdown}). */
    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The dotted key the problem concerns. */
    public String key() {
        return key;
    }
}
