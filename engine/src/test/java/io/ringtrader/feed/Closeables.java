package io.ringtrader.feed;

import java.util.ArrayList;
import java.util.List;

/** What a test started (servers, clients, endpoints), closed newest first; use as a JUnit {@code @AutoClose} field. */
final class Closeables implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** Closes {@code resource} with the others; returns it. */
    <T extends AutoCloseable> T add(T resource) {
        open.add(resource);
        return resource;
    }

    /** Closes everything, newest first, even when one fails; the first failure is thrown, the rest suppressed. */
    @Override
    public void close() {
        IllegalStateException failure = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = new IllegalStateException("closing " + open.get(i) + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
