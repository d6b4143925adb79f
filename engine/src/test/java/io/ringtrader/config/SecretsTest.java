package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

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
}
