package io.ringtrader.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code engine.yaml} with Jackson YAML, applies command-line overrides (dotted keys), and validates it
 * into an {@link EngineConfig}. A missing file means built-in defaults.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ConfigLoader() {
    }

    /**
     * Loads {@code file} (absent: defaults), then sets each {@code overrides} entry (dotted key -> value, e.g.
     * {@code feed.source -> sim}) before validation, so overrides are validated like the file.
     */
    public static EngineConfig load(Path file, Map<String, Object> overrides) {
        final ObjectNode root = readTree(file);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            set(root, e.getKey(), e.getValue());
        }
        return EngineConfig.read(new ConfigNode("", root));
    }

    /** Parses the YAML file into a tree; an empty or absent file is an empty mapping. */
    public static ObjectNode readTree(Path file) {
        if (file == null || !Files.exists(file)) {
            return YAML.createObjectNode();
        }
        return parse(file, false);
    }

    /**
     * Parses a file that holds secrets ({@code api_keys.yaml}): no message quotes its text. A syntax error names
     * only the file, line and column, because the parser's own message quotes the text around the error.
     */
    static ObjectNode readSecretTree(Path file) {
        return parse(file, true);
    }

    private static ObjectNode parse(Path file, boolean secret) {
        final String key = "(file " + file + ")";
        try {
            final JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return YAML.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException("(root)", "the file " + file + " must hold a mapping of keys");
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            final String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + (secret ? ", column " + e.getLocation().getColumnNr() : "");
            throw new ConfigException(key, secret ? "is not valid YAML" + where + " (its text is not shown: the file"
                + " holds secrets)" : "is not valid YAML: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot be read: " + (secret ? e.getClass().getSimpleName()
                : e.getMessage()));
        }
    }

    private static void set(ObjectNode root, String dottedKey, Object value) {
        final String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            final JsonNode child = node.get(parts[i]);
            if (child instanceof ObjectNode object) {
                node = object;
            } else {
                node = node.putObject(parts[i]);
            }
        }
        node.set(parts[parts.length - 1], YAML.valueToTree(value));
    }
}
