package io.ringtrader.app;

import io.ringtrader.config.ExitCodes;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalCheck;
import io.ringtrader.journal.JournalRepair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code journal check} and {@code journal repair}: is the journal whole, and the explicit way on when not. */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "Check a journal (entries, last readable index, damage) or repair a damaged one.",
    subcommands = {JournalCommand.Check.class, JournalCommand.Repair.class})
public final class JournalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: check or repair");
    }

    /** {@code journal check --journal DIR}: exit 0 when it reads to its end, 1 when damaged. */
    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read the whole journal; report entries, the last readable index and any damage (exit 1).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The journal folder, e.g."
            + " data/journal.")
        Path journal;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            if (!isJournal(journal, spec)) {
                return ExitCodes.USAGE;
            }
            final JournalCheck.Report report;
            try (Journal j = Journal.openReadOnly(journal)) {
                report = JournalCheck.scan(j);
            }
            out.printf(Locale.ROOT, "journal %s: %,d entries read (%,d inputs); last readable index %d, last"
                + " listed index %d%n", journal, report.entries(), report.inputs(), report.lastGoodIndex(),
                report.lastIndex());
            out.println(report.damaged() ? "DAMAGED: " + report.damage() : "OK: every entry reads to the end");
            out.flush();
            return report.damaged() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** {@code journal repair --journal DIR}: keep every readable entry, move the damage and derived files aside. */
    @Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Copy every readable entry of a damaged journal into a new one (a gap marks where entries"
            + " were lost), move the damaged journal, the state file and the trade log aside; the next start"
            + " rebuilds them from what is readable.")
    static final class Repair implements Callable<Integer> {
        @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The journal folder, e.g."
            + " data/journal (stop the engine first).")
        Path journal;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            final PrintWriter out = spec.commandLine().getOut();
            if (!isJournal(journal, spec)) {
                return ExitCodes.USAGE;
            }
            final String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
            final JournalRepair.Result result = JournalRepair.repair(journal.toAbsolutePath().normalize(), stamp);
            if (result == null) {
                out.println("journal " + journal + " reads to its end: nothing to repair");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("found: " + result.damage());
            out.printf(Locale.ROOT, "repaired: kept %,d readable entries (%,d inputs), left out %,d derived entries"
                + " after the damage; a gap at the damage marks the minutes it touched incomplete%n", result.kept(),
                result.keptInputs(), result.droppedAfter());
            for (Path p : result.movedAside()) {
                out.println("moved aside: " + p);
            }
            out.println("the next start rebuilds the state file and the trade log from the repaired journal");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** True when {@code dir} holds Chronicle files; else says so on stderr (exit 2). */
    private static boolean isJournal(Path dir, CommandSpec spec) {
        if (!holdsQueueFiles(dir)) {
            spec.commandLine().getErr().println("configuration error: --journal: '" + dir
                + "' is not a journal directory");
            return false;
        }
        return true;
    }

    private static boolean holdsQueueFiles(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        } catch (IOException e) {
            return false;
        }
    }
}
