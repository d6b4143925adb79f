package io.ringtrader.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The active strategies and why they were chosen: the session's start-up choice, then every scheduled
 * re-selection as the strategy stage journals it. Each change replaces an immutable list (changes are rare: once at
 * start, then at most once per {@code strategies.selection.interval_hours}); any thread may read.
 */
public final class StrategiesView {
    /** One choice: when (empty for the start-up choice), which strategies vote, and why. */
    public record Selection(String at, List<String> active, String reason) {
    }

    private static final String RESELECTION = "strategy-reselection at=";
    private final List<String> candidates;
    private volatile List<Selection> selections;

    /** Starts with the session's choice; {@code candidates} are every strategy the stage runs (voting or warm). */
    public StrategiesView(List<String> active, String reason, List<String> candidates) {
        this.candidates = List.copyOf(candidates);
        this.selections = List.of(new Selection("", List.copyOf(active), reason));
    }

    /**
     * Takes a journal note; a re-selection note ({@code strategy-reselection at=T active=a,b reason=R}) becomes the
     * current choice, anything else is ignored.
     */
    public void onNote(String note) {
        if (note == null || !note.startsWith(RESELECTION)) {
            return;
        }
        final String rest = note.substring(RESELECTION.length());
        final int active = rest.indexOf(" active=");
        final int reason = rest.indexOf(" reason=");
        if (active < 0 || reason < active) {
            return;
        }
        final String names = rest.substring(active + " active=".length(), reason);
        final List<Selection> next = new ArrayList<>(selections);
        next.add(new Selection(rest.substring(0, active), names.isEmpty() ? List.of() : List.of(names.split(",")),
            rest.substring(reason + " reason=".length())));
        selections = List.copyOf(next);
    }

    /** Every choice so far, oldest first; the last one is in force. */
    public List<Selection> selections() {
        return selections;
    }

    /** The choice in force. */
    public Selection current() {
        final List<Selection> s = selections;
        return s.get(s.size() - 1);
    }

    /** Every strategy the stage runs, voting or kept warm. */
    public List<String> candidates() {
        return candidates;
    }
}
