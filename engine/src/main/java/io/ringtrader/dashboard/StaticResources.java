package io.ringtrader.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, read once from the engine jar: the HTML, script and style sheet under
 * {@code io/ringtrader/dashboard/}, and the charting library from its WebJar (Apache ECharts, from Maven Central),
 * so the page works with no internet and no CDN. Immutable after {@link #load()}.
 */
public final class StaticResources {
    /**
     * The ECharts WebJar's version, read from its own {@code pom.properties}, so the parent pom's
     * {@code echarts.version} is the one place it is written.
     */
    public static final String ECHARTS_VERSION = webJarVersion("org.webjars.npm", "echarts");
    /** ECharts inside its WebJar ({@code org.webjars.npm:echarts}). */
    public static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
        + "/dist/echarts.min.js";
    private static final String PAGE_DIR = "io/ringtrader/dashboard/";

    /** One file: its bytes and content type. */
    public record Resource(byte[] bytes, String contentType) {
    }

    private final Map<String, Resource> byPath;

    private StaticResources(Map<String, Resource> byPath) {
        this.byPath = byPath;
    }

    /** Reads every served file; throws when one is missing from the jar (a build error, not a user error). */
    public static StaticResources load() {
        final Map<String, Resource> map = new HashMap<>();
        map.put("/", new Resource(read(PAGE_DIR + "index.html"), "text/html; charset=utf-8"));
        map.put("/dashboard.js", new Resource(read(PAGE_DIR + "dashboard.js"), "text/javascript; charset=utf-8"));
        map.put("/dashboard.css", new Resource(read(PAGE_DIR + "dashboard.css"), "text/css; charset=utf-8"));
        map.put("/lib/echarts.min.js", new Resource(read(ECHARTS), "text/javascript; charset=utf-8"));
        return new StaticResources(Map.copyOf(map));
    }

    /** The file served at {@code path}, or null. */
    public Resource get(String path) {
        return byPath.get(path);
    }

    /** The version of the WebJar {@code group:artifact} on the class path; throws when it is missing. */
    static String webJarVersion(String group, String artifact) {
        final Properties pom = new Properties();
        try (InputStream in = new ByteArrayInputStream(read("META-INF/maven/" + group + "/" + artifact
            + "/pom.properties"))) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final String version = pom.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("the WebJar " + group + ":" + artifact + " names no version");
        }
        return version.trim();
    }

    /** The bytes of a class-path resource; throws when missing. */
    public static byte[] read(String name) {
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the engine jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
