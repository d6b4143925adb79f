package io.ringtrader.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Coinbase API credentials. Read from {@code config/api_keys.yaml} ({@code coinbase: {api_key, api_secret}}) and
 * overridden by {@code COINBASE_API_KEY} / {@code COINBASE_API_SECRET}. Never printed: {@link #toString()} and
 * every message redact them. Market data needs none.
 */
public final class Secrets {
    private final String apiKey;
    private final String apiSecret;

    private Secrets(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    /** No credentials. */
    public static Secrets none() {
        return new Secrets("", "");
    }

    /**
     * Loads the key file (if present) and the environment. A key file readable by group or others is refused with
     * a {@link ConfigException}, and so is a malformed one; neither message contains a secret.
     */
    public static Secrets load(Path keyFile, Map<String, String> env) {
        String key = "";
        String secret = "";
        if (keyFile != null && Files.exists(keyFile)) {
            checkPermissions(keyFile);
            final JsonNode coinbase = ConfigLoader.readTree(keyFile).path("coinbase");
            if (!coinbase.isMissingNode() && !coinbase.isObject()) {
                throw new ConfigException("coinbase", "in " + keyFile + " must be a mapping with api_key and"
                    + " api_secret");
            }
            key = coinbase.path("api_key").asText("");
            secret = coinbase.path("api_secret").asText("");
        }
        key = env.getOrDefault("COINBASE_API_KEY", key);
        secret = env.getOrDefault("COINBASE_API_SECRET", secret);
        return new Secrets(key, secret);
    }

    private static void checkPermissions(Path keyFile) {
        try {
            final Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                || perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new ConfigException("(file " + keyFile + ")", "holds API keys but is readable by group or"
                    + " others; run: chmod 600 " + keyFile);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
            return;
        }
    }

    /** True when both key and secret are set. */
    public boolean present() {
        return !apiKey.isEmpty() && !apiSecret.isEmpty();
    }

    /** The API key; only the feed's authentication may call this. */
    public String apiKey() {
        return apiKey;
    }

    /** The API secret; only the feed's authentication may call this. */
    public String apiSecret() {
        return apiSecret;
    }

    /** Every occurrence of a secret in {@code text} replaced by {@code ***}: for messages that echo input. */
    public String redact(String text) {
        String result = text;
        if (!apiSecret.isEmpty()) {
            result = result.replace(apiSecret, "***");
        }
        if (!apiKey.isEmpty()) {
            result = result.replace(apiKey, "***");
        }
        return result;
    }

    @Override
    public String toString() {
        return "Secrets{apiKey=" + (apiKey.isEmpty() ? "<none>" : "***") + ", apiSecret="
            + (apiSecret.isEmpty() ? "<none>" : "***") + "}";
    }
}
