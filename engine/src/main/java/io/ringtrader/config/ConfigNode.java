package io.ringtrader.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One mapping of the YAML configuration, read key by key with a default, a type and a range. It remembers which
 * keys were read so {@link #finish()} can reject unknown ones (a typo must not be silently ignored). Every error is a
 * {@link ConfigException} naming the full dotted key.
 */
public final class ConfigNode {
    private final String path;
    private final ObjectNode node;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<ConfigNode> children = new ArrayList<>();

    /** Wraps {@code node} found at dotted {@code path} ("" for the root). */
    public ConfigNode(String path, JsonNode node) {
        this.path = path;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = JsonNodeFactory.instance.objectNode();
        } else if (node.isObject()) {
            this.node = (ObjectNode) node;
        } else {
            throw new ConfigException(path.isEmpty() ? "(root)" : path, "must be a mapping of keys, got "
                + describe(node));
        }
    }

    /** An empty node: every key takes its default. */
    public static ConfigNode empty() {
        return new ConfigNode("", null);
    }

    /** The full dotted name of {@code key} in this node. */
    public String keyOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the file sets {@code key} (marks it read). */
    public boolean has(String key) {
        read.add(key);
        final JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** A nested mapping; an absent key gives an empty mapping. */
    public ConfigNode section(String key) {
        read.add(key);
        final ConfigNode child = new ConfigNode(keyOf(key), node.get(key));
        children.add(child);
        return child;
    }

    /**
     * A nested mapping whose keys this node does not check: its reader (e.g. a strategy reading its own
     * parameters) must call {@link #finish()} on it once it has read what it knows.
     */
    public ConfigNode openSection(String key) {
        read.add(key);
        return new ConfigNode(keyOf(key), node.get(key));
    }

    /** The keys present in this mapping, in file order (for maps keyed by user names). */
    public List<String> keys() {
        final List<String> keys = new ArrayList<>();
        final Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            keys.add(it.next());
        }
        return keys;
    }

    /** A string value. */
    public String string(String key, String defaultValue) {
        final JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isValueNode()) {
            throw new ConfigException(keyOf(key), "must be a text value, got " + describe(value));
        }
        return value.asText();
    }

    /** A string that must be one of {@code allowed} (compared case-insensitively, returned lower case). */
    public String choice(String key, String defaultValue, String... allowed) {
        final String value = string(key, defaultValue).toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ConfigException(keyOf(key), "must be one of " + String.join(", ", allowed) + ", got '" + value
            + "'");
    }

    /** One of {@code type}'s constants, written as its {@link #configName} (e.g. {@code busy-spin}). */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        final E[] values = type.getEnumConstants();
        final String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = configName(values[i]);
        }
        final String chosen = choice(key, configName(defaultValue), names);
        return values[java.util.Arrays.asList(names).indexOf(chosen)];
    }

    /** An enum constant as configuration writes it: lower case, {@code -} for {@code _}. */
    public static String configName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} that configuration writes as {@code name}; fails naming {@code what}. */
    public static <E extends Enum<E>> E named(Class<E> type, String name, String what) {
        for (E e : type.getEnumConstants()) {
            if (configName(e).equals(name)) {
                return e;
            }
        }
        throw new ConfigException(what, "unknown value '" + name + "'");
    }

    /** A whole number in [min, max]. */
    public long integer(String key, long defaultValue, long min, long max) {
        final JsonNode value = value(key);
        final long result;
        if (value == null) {
            result = defaultValue;
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            result = value.asLong();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            result = Long.parseLong(value.asText());
        } else {
            throw new ConfigException(keyOf(key), "must be a whole number, got " + describe(value));
        }
        if (result < min || result > max) {
            throw new ConfigException(keyOf(key), "must be between " + min + " and " + max + ", got " + result);
        }
        return result;
    }

    /** A decimal number in [min, max]. */
    public double decimal(String key, double defaultValue, double min, double max) {
        final JsonNode value = value(key);
        final double result;
        if (value == null) {
            result = defaultValue;
        } else if (value.isNumber()) {
            result = value.asDouble();
        } else {
            throw new ConfigException(keyOf(key), "must be a number, got " + describe(value));
        }
        if (Double.isNaN(result) || result < min || result > max) {
            throw new ConfigException(keyOf(key), "must be between " + min + " and " + max + ", got " + result);
        }
        return result;
    }

    /** A true/false value. */
    public boolean bool(String key, boolean defaultValue) {
        final JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw new ConfigException(keyOf(key), "must be true or false, got " + describe(value));
        }
        return value.asBoolean();
    }

    /** A list of strings; a single comma-separated string is accepted too. */
    public List<String> stringList(String key, List<String> defaultValue) {
        final JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        final List<String> result = new ArrayList<>();
        if (value.isTextual()) {
            for (String part : value.asText().split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new ConfigException(keyOf(key), "must be a list of text values, got an item "
                        + describe(item));
                }
                result.add(item.asText().trim());
            }
        } else {
            throw new ConfigException(keyOf(key), "must be a list, got " + describe(value));
        }
        return List.copyOf(result);
    }

    /** Throws for the first key in this mapping (or a nested one read through it) that nothing read. */
    public void finish() {
        final Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            final String key = it.next();
            if (!read.contains(key)) {
                throw new ConfigException(keyOf(key), "unknown key (check the spelling; see config/engine.yaml"
                    + " for every setting)");
            }
        }
        for (ConfigNode child : children) {
            child.finish();
        }
    }

    /** Fails with {@code problem} for {@code key} of this node. */
    public ConfigException fail(String key, String problem) {
        return new ConfigException(keyOf(key), problem);
    }

    private JsonNode value(String key) {
        read.add(key);
        final JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        final String text = value.asText();
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
