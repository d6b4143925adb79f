package io.ringtrader.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void shouldReplaceTheFileAndLeaveNoTempFile(@TempDir Path dir) throws IOException {
        final Path target = dir.resolve("sub/state.json");
        AtomicFile.write(target, "one".getBytes());
        AtomicFile.write(target, "two".getBytes());
        assertThat(target).hasContent("two");
        assertThat(target.resolveSibling("state.json" + AtomicFile.TEMP_SUFFIX)).doesNotExist();
    }

    @Test
    void shouldKeepTheOldFileWhenWritingTheNewOneFails(@TempDir Path dir) throws IOException {
        final Path target = dir.resolve("log.csv");
        AtomicFile.write(target, "old".getBytes());
        assertThatThrownBy(() -> AtomicFile.write(target, temp -> {
            Files.writeString(temp, "half of the new");
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(target).hasContent("old");
        assertThat(dir.resolve("log.csv" + AtomicFile.TEMP_SUFFIX)).doesNotExist();
    }
}
