package io.ringtrader.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the engine replaces a file: write a temp file beside it, fsync it, rename it over the target
 * atomically, fsync the folder (so the rename itself survives a power cut). A reader sees the old file or the new
 * one, never a torn one; a failed write leaves the old file and no temp file.
 */
public final class AtomicFile {
    /** Suffix of the temp file written next to its target. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Writes the content of a file being replaced into the temp file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, temp -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                final ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        });
    }

    /** Replaces {@code target} with what {@code content} writes into the temp file. */
    public static void write(Path target, Content content) throws IOException {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
        boolean renamed = false;
        try {
            Files.deleteIfExists(temp);
            content.writeTo(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            fsyncDirectory(dir);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes a rename in {@code dir} durable; a platform that cannot open a folder for sync is skipped. */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // e.g. Windows cannot open a directory: the rename itself is still atomic
        }
    }
}
