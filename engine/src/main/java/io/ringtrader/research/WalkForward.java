package io.ringtrader.research;

import io.ringtrader.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward folds over [fromNs, toNs): each fold trains on {@code train} and tests on the {@code test} that
 * follows it; the next fold moves on by {@code test}. Rolling folds keep the training length; anchored folds start
 * training at {@code fromNs} every time (growing). The test periods tile the range after the first training
 * period without overlap; a last test period that would run past {@code toNs} is left out. Immutable.
 */
public final class WalkForward {
    /** One fold: training [trainFromNs, trainToNs), then testing [trainToNs, testToNs). */
    public record Fold(long trainFromNs, long trainToNs, long testToNs) {
    }

    private final List<Fold> folds;

    private WalkForward(List<Fold> folds) {
        this.folds = List.copyOf(folds);
    }

    /** The folds of [fromNs, toNs) with the given lengths (nanoseconds). */
    public static WalkForward of(long fromNs, long toNs, long trainNs, long testNs, boolean anchored) {
        if (trainNs <= 0 || testNs <= 0) {
            throw new ConfigException("--train/--test", "must be positive durations");
        }
        final List<Fold> folds = new ArrayList<>();
        for (long testFrom = fromNs + trainNs; testFrom + testNs <= toNs; testFrom += testNs) {
            folds.add(new Fold(anchored ? fromNs : testFrom - trainNs, testFrom, testFrom + testNs));
        }
        if (folds.isEmpty()) {
            final long hourNs = 3_600_000_000_000L;
            throw new ConfigException("--train/--test", "no fold fits: the range is " + (toNs - fromNs) / hourNs
                + " h, a fold needs train + test = " + (trainNs + testNs) / hourNs + " h");
        }
        return new WalkForward(folds);
    }

    /** The folds, in time order. */
    public List<Fold> folds() {
        return folds;
    }
}
