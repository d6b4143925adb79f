package io.ringtrader.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Coinbase API credentials. Read from {@code config/api_keys.yaml} ({@code coinbase: {api_key, api_secret}}) and
 * overridden by {@code COINBASE_API_KEY} / {@code COINBASE_API_SECRET}. Never printed: {@link #toString()} and
 * every message redact them, and no message about the key file quotes its text. Market data needs none.
 * Immutable.
 */
public final class Secrets {
    /** Letters, '_' and '-', at most 30: a setting name (Coinbase keys and secrets contain digits or '/'). */
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z][A-Za-z_-]{0,29}");
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
     * Loads the key file (if present) and the environment. The file is checked as strictly as {@code engine.yaml}:
     * readable by group or others, permissions that cannot be read, malformed YAML, unknown keys and values that
     * are not text are each refused with a {@link ConfigException} naming the file and key, never a value.
     */
    public static Secrets load(Path keyFile, Map<String, String> env) {
        String key = "";
        String secret = "";
        // notExists, not !exists: a file whose existence cannot be determined is checked (and refused) below
        if (keyFile != null && !Files.notExists(keyFile)) {
            checkPermissions(keyFile, Files::getPosixFilePermissions);
            final ObjectNode root = ConfigLoader.readSecretTree(keyFile);
            onlyKnownKeys(root, "", Set.of("coinbase"), keyFile);
            final JsonNode coinbase = root.get("coinbase");
            if (coinbase != null && !coinbase.isNull() && !"".equals(coinbase.textValue())) { // "coinbase:" alone
                if (!coinbase.isObject()) {
                    throw new ConfigException("coinbase", "in " + keyFile + " must be a mapping with api_key and"
                        + " api_secret, got " + kind(coinbase));
                }
                onlyKnownKeys(coinbase, "coinbase.", Set.of("api_key", "api_secret"), keyFile);
                key = text(coinbase, "api_key", keyFile);
                secret = text(coinbase, "api_secret", keyFile);
            }
        }
        key = env.getOrDefault("COINBASE_API_KEY", key);
        secret = env.getOrDefault("COINBASE_API_SECRET", secret);
        return new Secrets(key, secret);
    }

    /** Reads a file's POSIX permissions (a seam for tests: a read that fails). */
    @FunctionalInterface
    interface PermissionReader {
        Set<PosixFilePermission> read(Path file) throws IOException;
    }

    /**
     * Refuses a key file others may read or write. Permissions that cannot be read fail closed; only a file system
     * without POSIX permissions (Windows) is accepted unchecked.
     */
    static void checkPermissions(Path keyFile, PermissionReader reader) {
        final Set<PosixFilePermission> perms;
        try {
            perms = reader.read(keyFile);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new ConfigException("(file " + keyFile + ")", "holds API keys, but its permissions cannot be read ("
                + e.getClass().getSimpleName() + "): refused; check the file, then run: chmod 600 " + keyFile);
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
            || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new ConfigException("(file " + keyFile + ")", "holds API keys but is readable by group or"
                + " others; run: chmod 600 " + keyFile);
        }
    }

    private static void onlyKnownKeys(JsonNode node, String prefix, Set<String> known, Path keyFile) {
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!known.contains(name)) {
                // a key is text of the file too: shown only when it cannot be a pasted secret
                final String shown = SETTING_NAME.matcher(name).matches() ? name : "(a key not shown)";
                throw new ConfigException(prefix + shown, "unknown key in " + keyFile + " (expected: "
                    + String.join(", ", new TreeSet<>(known)) + "; see config/api_keys.example.yaml)");
            }
        }
    }

    private static String text(JsonNode coinbase, String name, Path keyFile) {
        final JsonNode value = coinbase.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ConfigException("coinbase." + name, "in " + keyFile + " must be text (in quotes), got "
                + kind(value));
        }
        return value.asText();
    }

    /** The type of a value, never the value itself. */
    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        if (value.isTextual()) {
            return "text";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isObject() ? "a mapping" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
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
