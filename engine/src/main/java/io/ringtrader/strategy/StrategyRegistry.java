package io.ringtrader.strategy;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.StrategyConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The active strategies and their stable ids: id = position in {@code strategies.active}. The trade log and the
 * journal carry ids; this maps them back to names. Built once at start-up (which validates every
 * {@code strategies.params} entry, active or not); immutable and safe to share between threads.
 */
public final class StrategyRegistry {
    private final List<ConfiguredStrategy> active;

    private StrategyRegistry(List<ConfiguredStrategy> active) {
        this.active = List.copyOf(active);
    }

    /** Resolves and configures {@code config.active()} against {@code library}. */
    public static StrategyRegistry create(StrategyConfig config, StrategyLibrary library) {
        library.checkParamsNames(config.params());
        final List<ConfiguredStrategy> list = new ArrayList<>();
        for (String name : config.active()) {
            if (library.provider(name) == null) {
                throw new ConfigException("strategies.active", "unknown strategy '" + name + "'; known: "
                    + library.names());
            }
            list.add(library.configure(name, config.params()));
        }
        // parameters of inactive strategies are validated too, so a typo there fails now, not when activated
        for (String name : config.params().keys()) {
            if (!config.active().contains(name)) {
                library.configure(name, config.params());
            }
        }
        return new StrategyRegistry(list);
    }

    /** Number of active strategies. */
    public int size() {
        return active.size();
    }

    /** Name of strategy {@code id}; "none" for -1 or an unknown id. */
    public String name(int id) {
        return id >= 0 && id < active.size() ? active.get(id).name() : "none";
    }

    /** Id of {@code name}, or -1. */
    public int idOf(String name) {
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The configured strategy with id {@code id}. */
    public ConfiguredStrategy strategy(int id) {
        return active.get(id);
    }

    /** Names in id order. */
    public List<String> names() {
        final List<String> names = new ArrayList<>();
        for (ConfiguredStrategy s : active) {
            names.add(s.name());
        }
        return names;
    }
}
