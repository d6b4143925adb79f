package io.ringtrader.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for the browser tests: dumps a page's DOM after its scripts ran, or takes a
 * screenshot. Each call gets its own profile folder (parallel runs must not share one) and a deadline. Pages that
 * keep a request open (server-sent events) never let virtual time run out, so {@link #domWhen} drives the browser
 * over its DevTools protocol (loopback) in real time instead.
 */
public final class Chromium {
    private static final long DEADLINE_S = 90;
    private final Path profiles;

    private Chromium(Path profiles) {
        this.profiles = profiles;
    }

    /** A browser keeping its profiles under {@code scratch}; skips the test when chromium is not installed. */
    public static Chromium require(Path scratch) {
        Assumptions.assumeTrue(executable() != null, "chromium is not installed (apt-get install chromium)");
        return new Chromium(scratch);
    }

    /** The chromium binary on the PATH, or null. */
    static String executable() {
        final String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                final File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return null;
    }

    /** The DOM of {@code url} after {@code budgetMs} of virtual time (scripts run, charts drawn). */
    public String dumpDom(String url, int budgetMs) throws IOException, InterruptedException {
        final Path out = Files.createTempFile(profiles, "dom", ".html");
        run(List.of("--virtual-time-budget=" + budgetMs, "--dump-dom", url), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of {@code url} at 1400 x {@code height} after {@code budgetMs} of virtual time. */
    public void screenshot(String url, Path png, int height, int budgetMs) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--hide-scrollbars", "--window-size=1400," + height, "--virtual-time-budget=" + budgetMs,
            "--screenshot=" + png.toAbsolutePath(), url), null);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot of " + url);
        }
    }

    /**
     * The DOM of {@code url} once the script expression {@code condition} is true in the page, in real time (no
     * virtual time: a page following server-sent events keeps its stream open); fails after {@code deadlineMs}.
     */
    public String domWhen(String url, String condition, long deadlineMs) throws IOException, InterruptedException {
        final Path profile = Files.createTempDirectory(profiles, "profile");
        final Process p = new ProcessBuilder(executable(), "--headless=new", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-extensions", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, url)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (DevTools page = DevTools.attach(profile.resolve("DevToolsActivePort"), deadlineMs)) {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
            while (!"true".equals(page.evaluate("String(!!(" + condition + "))"))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("the page never met " + condition + " within " + deadlineMs + " ms: "
                        + page.evaluate("document.body ? document.body.outerHTML.slice(0, 600) : ''"));
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            return page.evaluate("document.documentElement.outerHTML");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(executable(), "--headless=new", "--no-sandbox",
            "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + Files.createTempDirectory(profiles, "profile")));
        command.addAll(args);
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        final Process p = pb.start();
        if (!p.waitFor(DEADLINE_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish " + args + " within " + DEADLINE_S + " s");
        }
    }

    /** The value of attribute {@code name} of the element with id {@code id} in {@code dom} (entities decoded). */
    public static String attribute(String dom, String id, String name) {
        final Matcher tag = Pattern.compile("<[a-z0-9]+ [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(dom);
        if (!tag.find()) {
            return null;
        }
        final Matcher attr = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag.group());
        return attr.find() ? decode(attr.group(1)) : null;
    }

    /** Decodes the entities chromium writes in attribute values. */
    public static String decode(String text) {
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
            .replace("&amp;", "&");
    }
}
