package io.ringtrader.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The REST base URL ({@code --api-url}), checked once before anything is created: {@code https://}, or plain
 * {@code http://} only to a loopback host (a stand-in server in tests), the same rule as {@code ws://} for the feed.
 */
public final class RestEndpoint {
    /** Coinbase Advanced Trade's public REST API. */
    public static final String COINBASE = "https://api.coinbase.com";

    private RestEndpoint() {
    }

    /** The base URI of {@code url} without a trailing slash; a {@link ConfigException} on {@code option}. */
    public static URI parse(String option, String url) {
        final URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(option, "is not a URL: " + printable(url));
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        final String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ConfigException(option, "has no host: " + printable(url));
        }
        if ("http".equals(scheme) && !isLoopback(host)) {
            throw new ConfigException(option, "plain http:// is allowed only for a loopback host (127.0.0.0/8,"
                + " localhost, ::1); use https:// for " + printable(host));
        }
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new ConfigException(option, "must start with https:// (or http:// on loopback), got "
                + printable(url));
        }
        final String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** True for localhost and loopback IP literals; no name is resolved. */
    static boolean isLoopback(String host) {
        final String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h) || "::1".equals(h) || "0:0:0:0:0:0:0:1".equals(h)) {
            return true;
        }
        final String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !"127".equals(parts[0])) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        final String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return cut.replace("\r", "\\r").replace("\n", "\\n").replace("${", "$\\{");
    }
}
