package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @TempDir
    Path dir;

    private Path keyFileHolding(String yaml) throws IOException {
        final Path file = dir.resolve("api_keys.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path keyFile(String perms) throws IOException {
        final Path file = dir.resolve("api_keys.yaml");
        Files.writeString(file, "coinbase:\n  api_key: file-key-123\n  api_secret: file-secret-456\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    @Test
    void shouldReadTheKeyFileAndLetTheEnvironmentWin() throws IOException {
        final Path file = keyFile("rw-------");
        final Secrets fromFile = Secrets.load(file, Map.of());
        assertThat(fromFile.apiKey()).isEqualTo("file-key-123");
        final Secrets fromEnv = Secrets.load(file, Map.of("COINBASE_API_SECRET", "env-secret"));
        assertThat(fromEnv.apiSecret()).isEqualTo("env-secret");
        assertThat(fromEnv.apiKey()).isEqualTo("file-key-123");
    }

    @Test
    void shouldRefuseAKeyFileReadableByOthersWithoutEchoingIt() throws IOException {
        final Path file = keyFile("rw-r--r--");
        assertThatThrownBy(() -> Secrets.load(file, Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("readable by group or others")
            .hasMessageContaining("chmod 600")
            .hasMessageNotContaining("file-secret-456");
    }

    @Test
    void shouldNeverShowSecretsInToStringOrRedactedText() {
        final Secrets s = Secrets.load(null, Map.of("COINBASE_API_KEY", "canary-key", "COINBASE_API_SECRET",
            "canary-secret"));
        assertThat(s.toString()).doesNotContain("canary");
        assertThat(s.redact("url?key=canary-key&sig=canary-secret")).doesNotContain("canary");
        assertThat(s.present()).isTrue();
        assertThat(Secrets.none().present()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "coinbase:\\n  api_key: \"k\"\\n  api_secret: \"CANARY-7f3a91c2\"\\n  : [broken\\n",
        "coinbase:\\n  api_key: \"k\"\\n  api_secret: \"CANARY-7f3a91c2\\n",
        "coinbase:\\n  api_secret: CANARY-7f3a91c2: more\\n",
        "coinbase:\\n  api_secret: CANARY-7f3a91c2\\n\tapi_key: x\\n",
        "coinbase:\\n  api_secret: CANARY-7f3a91c2\\n  api_secret: CANARY-7f3a91c2\\n",
        "{coinbase: {api_secret: CANARY-7f3a91c2\\n",
        "coinbase:\\n  api_secret: \"CANARY-7f3a91c2\"\\n api_key: [\\n"})
    void shouldRefuseMalformedYamlNamingOnlyTheFileLineAndColumn(String yaml) throws IOException {
        final Path file = keyFileHolding(yaml);
        assertThatThrownBy(() -> Secrets.load(file, Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("not valid YAML at line")
            .hasMessageContaining("column").hasNoCause()
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY", "7f3a", "api_secret"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "coinbase:\\n  api_key: 123\\n  api_secret: \"CANARY-7f3a91c2\"\\n | coinbase.api_key: in",
        "coinbase:\\n  api_key: \"k\"\\n  api_secret: 7391\\n                  | coinbase.api_secret: in",
        "coinbase:\\n  api_secret: [CANARY-7f3a91c2]\\n                          | coinbase.api_secret: in",
        "coinbase:\\n  api_secret: {x: CANARY-7f3a91c2}\\n                       | coinbase.api_secret: in",
        "coinbase:\\n  api_secret: true\\n                                      | coinbase.api_secret: in",
        "coinbase: [CANARY-7f3a91c2]\\n                                          | coinbase: in",
        "coinbase: CANARY-7f3a91c2\\n                                            | coinbase: in",
        "CANARY-7f3a91c2\\n                                                      | (root): the file",
        "- CANARY-7f3a91c2\\n                                                    | (root): the file",
        "coinbase: {api_secret: CANARY-7f3a91c2}\\nkraken: {api_key: x}\\n         | kraken: unknown key",
        "coinbase: {api_secret: CANARY-7f3a91c2, api_passphrase: x}\\n            | coinbase.api_passphrase: unknown",
        "coinbase: {api_key: k, CANARY-7f3a91c2: x}\\n                          | coinbase.(a key not shown): unkn",
        "CANARY-7f3a91c2: x\\n                                                   | (a key not shown): unknown key"})
    void shouldRefuseWrongTypesAndUnknownKeysNamingTheKeyNeverTheValue(String yaml, String expected)
        throws IOException {
        final Path file = keyFileHolding(yaml);
        assertThatThrownBy(() -> Secrets.load(file, Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(expected).hasNoCause()
            .satisfies(e -> assertThat(e.getMessage().replace(file.toString(), "KEY_FILE"))
                .doesNotContain("CANARY", "7f3a", "7391")); // the random temp path may hold those digits
    }

    @Test
    void shouldAcceptEmptyAndNullEntriesAsNoCredentials() throws IOException {
        assertThat(Secrets.load(keyFileHolding(""), Map.of()).present()).isFalse();
        assertThat(Secrets.load(keyFileHolding("coinbase:\n"), Map.of()).present()).isFalse();
        assertThat(Secrets.load(keyFileHolding("coinbase: {api_key: ~, api_secret: \"\"}\n"), Map.of()).present())
            .isFalse();
    }

    @Test
    void shouldFailClosedWhenThePermissionsCannotBeRead() {
        final Path file = dir.resolve("api_keys.yaml");
        assertThatThrownBy(() -> Secrets.checkPermissions(file, f -> {
            throw new AccessDeniedException(f.toString());
        })).isInstanceOf(ConfigException.class).hasMessageContaining("permissions cannot be read")
            .hasMessageContaining("AccessDeniedException").hasMessageContaining("chmod 600");
    }

    @Test
    void shouldAcceptAFileSystemWithoutPosixPermissionsUnchecked() {
        final Path file = dir.resolve("api_keys.yaml");
        Secrets.checkPermissions(file, f -> {
            throw new UnsupportedOperationException("not POSIX");
        });
        Secrets.checkPermissions(file, f -> Set.of());
    }
}
