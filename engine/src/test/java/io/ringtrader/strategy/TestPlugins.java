package io.ringtrader.strategy;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The test-only plug-in strategy ({@code always_buy}) as a user's jar would add it: its service file lives in
 * {@code src/test/plugin}, off the test class path, so only the tests that load it through this class loader see
 * it, and no engine a test starts has it among its candidates.
 */
final class TestPlugins {
    private TestPlugins() {
    }

    /** A library with the built-ins plus the plug-in. */
    static StrategyLibrary library() {
        try {
            final URL dir = Path.of("src", "test", "plugin").toAbsolutePath().toUri().toURL();
            return StrategyLibrary.load(new URLClassLoader(new URL[] {dir}, TestPlugins.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
