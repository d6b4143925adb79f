package io.ringtrader.strategy;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every strategy that can be named in configuration: the six built-ins, then the {@link StrategyProvider}s that
 * {@link ServiceLoader} finds on the class path (a user's jar), in discovery order. Built at start-up; immutable
 * afterwards and safe to share.
 */
public final class StrategyLibrary {
    private final List<StrategyProvider> providers;

    private StrategyLibrary(List<StrategyProvider> providers) {
        this.providers = Collections.unmodifiableList(providers);
    }

    /** The built-ins plus every provider found through {@code classLoader}. */
    public static StrategyLibrary load(ClassLoader classLoader) {
        final List<StrategyProvider> all = new ArrayList<>(builtIns());
        for (StrategyProvider provider : ServiceLoader.load(StrategyProvider.class, classLoader)) {
            all.add(provider);
        }
        return of(all);
    }

    /** The built-ins plus the providers found through this class's loader. */
    public static StrategyLibrary load() {
        return load(StrategyLibrary.class.getClassLoader());
    }

    /** A library of exactly {@code providers} (names must be unique). */
    public static StrategyLibrary of(List<StrategyProvider> providers) {
        final List<StrategyProvider> list = new ArrayList<>();
        for (StrategyProvider p : providers) {
            for (StrategyProvider q : list) {
                if (q.name().equals(p.name())) {
                    throw new IllegalStateException("two strategy providers are named '" + p.name() + "': "
                        + q.getClass().getName() + " and " + p.getClass().getName());
                }
            }
            list.add(p);
        }
        return new StrategyLibrary(list);
    }

    /** The six built-in strategies, defaults first. */
    public static List<StrategyProvider> builtIns() {
        return List.of(TrendFollowingStrategy.provider(), MeanReversionStrategy.provider(),
            BreakoutStrategy.provider(), MacdMomentumStrategy.provider(), RsiReversalStrategy.provider(),
            VwapReversionStrategy.provider());
    }

    /** Every name, in library order. */
    public List<String> names() {
        final List<String> names = new ArrayList<>();
        for (StrategyProvider p : providers) {
            names.add(p.name());
        }
        return names;
    }

    /** The provider named {@code name}, or null. */
    public StrategyProvider provider(String name) {
        for (StrategyProvider p : providers) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Configures {@code name} from {@code paramsRoot} (the {@code strategies.params} node): reads its regime
     * weights and {@code timeframe_minutes} (1, 5, 15 or 60: the candles it runs on, aggregated from the
     * 1-minute ones by {@link TimeframeStrategy}), then lets the provider read and finish the rest.
     */
    public ConfiguredStrategy configure(String name, ConfigNode paramsRoot) {
        final StrategyProvider provider = provider(name);
        if (provider == null) {
            throw new ConfigException(paramsRoot.keyOf(name), "unknown strategy; known: " + names());
        }
        final ConfigNode node = paramsRoot.openSection(name);
        final RegimeWeights weights = RegimeWeights.read(node, provider.style());
        final int timeframe = (int) node.integer("timeframe_minutes", 1, 1, 60);
        if (java.util.Arrays.stream(TimeframeStrategy.TIMEFRAMES).noneMatch(t -> t == timeframe)) {
            throw node.fail("timeframe_minutes", "must be one of 1, 5, 15, 60, got " + timeframe);
        }
        return new ConfiguredStrategy(name, provider.style(), weights,
            TimeframeStrategy.wrap(provider.configure(node), timeframe));
    }

    /** Fails for the first key under {@code strategies.params} that names no strategy in this library. */
    public void checkParamsNames(ConfigNode paramsRoot) {
        for (String key : paramsRoot.keys()) {
            if (provider(key) == null) {
                throw new ConfigException(paramsRoot.keyOf(key), "parameters for an unknown strategy; known: "
                    + names());
            }
        }
    }
}
