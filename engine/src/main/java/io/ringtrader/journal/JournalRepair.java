package io.ringtrader.journal;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The explicit way on after journal damage ({@code journal repair}): every readable entry is copied into a new
 * journal, in order; at the damage a journaled gap for every instrument is inserted, so the candle stage closes the
 * minutes the lost entries touched as incomplete; the damaged journal and the outputs derived from it (state file,
 * trade log) are moved aside, not deleted, and the next start rebuilds the outputs from what is readable.
 * Entries after the damage (later roll cycles) are kept as inputs and notes only: outputs derived from inputs that
 * are now partly lost would not be those a replay derives.
 */
public final class JournalRepair {
    /** Outputs in the data folder derived from the journal; moved aside by a repair. */
    private static final String[] DERIVED_FILES = {"portfolio_state.json", "live_trades.csv"};

    private JournalRepair() {
    }

    /**
     * What a repair did.
     *
     * @param damage       the damage found
     * @param kept         entries copied
     * @param keptInputs   of which ring inputs
     * @param droppedAfter derived entries after the damage left out
     * @param movedAside   where the damaged journal and the derived files went
     */
    public record Result(String damage, long kept, long keptInputs, long droppedAfter, List<Path> movedAside) {
    }

    /** Repairs the journal in {@code dir}; null when it is whole (nothing is changed). */
    public static Result repair(Path dir, String stamp) throws IOException {
        final Path repairing = dir.resolveSibling(dir.getFileName() + ".repairing");
        deleteTree(repairing); // what an interrupted repair left
        final String damage;
        long kept = 0;
        long keptInputs = 0;
        long dropped = 0;
        try (Journal source = Journal.openReadOnly(dir)) {
            final JournalCheck.Report report = JournalCheck.scan(source);
            if (!report.damaged()) {
                return null;
            }
            damage = report.damage();
            try (Journal target = Journal.open(repairing); Journal.Writer out = target.writer();
                 JournalReader reader = source.reader()) {
                final JournalRecord record = new JournalRecord();
                final List<Integer> cycles = source.cycles();
                int movedTo = Integer.MIN_VALUE;
                boolean afterDamage = false;
                long lastInputNs = 0;
                while (true) {
                    boolean read;
                    try {
                        read = reader.next(record);
                    } catch (JournalDamageException e) {
                        read = false;
                    }
                    if (!read) {
                        if (!afterDamage) {
                            out.appendInput(lostMarker(lastInputNs));
                            afterDamage = true;
                        }
                        final int from = Math.max(movedTo, reader.lastGoodIndex() < 0 ? Integer.MIN_VALUE
                            : source.cycleOf(reader.lastGoodIndex()));
                        final int next = cycles.stream().filter(c -> c > from).findFirst().orElse(Integer.MIN_VALUE);
                        if (next == Integer.MIN_VALUE || !reader.moveToCycle(next)) {
                            break;
                        }
                        movedTo = next;
                        continue;
                    }
                    if (afterDamage && record.type != RecordType.INPUT && record.type != RecordType.NOTE) {
                        dropped++;
                        continue;
                    }
                    if (record.type == RecordType.INPUT) {
                        keptInputs++;
                        lastInputNs = Math.max(lastInputNs, record.input.timestampNs);
                    }
                    copy(record, out);
                    kept++;
                }
            }
        }
        final List<Path> aside = new ArrayList<>();
        final Path damaged = dir.resolveSibling(dir.getFileName() + ".damaged-" + stamp);
        Files.move(dir, damaged);
        aside.add(damaged);
        Files.move(repairing, dir);
        for (String name : DERIVED_FILES) {
            final Path file = dir.resolveSibling(name);
            if (Files.exists(file)) {
                final Path to = dir.resolveSibling(name + ".damaged-" + stamp);
                Files.move(file, to);
                aside.add(to);
            }
        }
        return new Result(damage, kept, keptInputs, dropped, aside);
    }

    /** A gap for every instrument at the damage: the minutes it touched close incomplete. */
    private static MarketEvent lostMarker(long timestampNs) {
        final MarketEvent e = new MarketEvent(1);
        e.type = EventType.GAP;
        e.instrumentId = -1;
        e.timestampNs = timestampNs;
        e.value = 0;
        return e;
    }

    private static void copy(JournalRecord r, Journal.Writer out) {
        switch (r.type) {
            case RecordType.INPUT -> out.appendInput(r.input);
            case RecordType.CANDLE -> out.appendCandle(r.candle);
            case RecordType.SIGNAL -> out.appendSignal(r.signal);
            case RecordType.DECISION -> out.appendDecision(r.decision);
            case RecordType.FILL -> out.appendFill(r.fill);
            case RecordType.ORDER -> out.appendOrder(r.order);
            case RecordType.NOTE -> out.appendNote(r.note);
            default -> throw new IllegalStateException("unknown record type " + r.type);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
