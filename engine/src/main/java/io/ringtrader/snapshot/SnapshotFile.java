package io.ringtrader.snapshot;

import io.ringtrader.files.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * One snapshot on disk: {@code RTSNAP}, the format version, the journal index and exchange time the state reflects
 * (every stage has processed that input and nothing after it), the session's symbols, the body ({@link StateImage}
 * bytes) and a CRC-32 of all of it. Written whole through {@link AtomicFile}; named
 * {@code snapshot-<exchange time>-<journal index>.snap} so names sort oldest first.
 */
public final class SnapshotFile {
    /** Version of this layout; a snapshot of another version is reported and skipped. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "RTSNAP".getBytes(StandardCharsets.US_ASCII);
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".snap";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    /**
     * What a snapshot reflects.
     *
     * @param journalIndex   the last journal input every stage had processed
     * @param exchangeTimeNs that input's exchange time, epoch ns
     * @param symbols        the session's symbols, comma-separated
     */
    public record Header(long journalIndex, long exchangeTimeNs, String symbols) {
    }

    /** A snapshot read back whole and checked. */
    public record Loaded(Path file, Header header, byte[] body) {
    }

    private SnapshotFile() {
    }

    /** The file name of a snapshot with {@code header}. */
    public static String name(Header header) {
        return PREFIX + STAMP.format(Instant.ofEpochSecond(0, header.exchangeTimeNs())) + "-"
            + String.format(Locale.ROOT, "%016x", header.journalIndex()) + SUFFIX;
    }

    /** Writes the snapshot atomically into {@code dir}; returns its file. */
    public static Path write(Path dir, Header header, byte[] body) throws IOException {
        return write(dir, header, body, body.length);
    }

    /** Writes the snapshot whose body is the first {@code length} bytes of {@code body}; returns its file. */
    public static Path write(Path dir, Header header, byte[] body, int length) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(length + 128);
        final DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(header.journalIndex());
        out.writeLong(header.exchangeTimeNs());
        out.writeUTF(header.symbols());
        out.writeInt(length);
        out.write(body, 0, length);
        final CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        Files.createDirectories(dir);
        final Path file = dir.resolve(name(header));
        AtomicFile.write(file, bytes.toByteArray());
        return file;
    }

    /** Reads and checks {@code file}; a damaged one is a {@link SnapshotDamagedException} naming it. */
    public static Loaded read(Path file) throws SnapshotDamagedException {
        final byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SnapshotDamagedException(file, "unreadable: " + e.getMessage());
        }
        if (all.length < MAGIC.length + 8 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new SnapshotDamagedException(file, "not a snapshot (no RTSNAP header)");
        }
        final CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            in.skipNBytes(MAGIC.length);
            final int version = in.readInt();
            if (version != VERSION) {
                throw new SnapshotDamagedException(file, "format version " + version + ", this build reads "
                    + VERSION);
            }
            final Header header = new Header(in.readLong(), in.readLong(), in.readUTF());
            final int length = in.readInt();
            if (length < 0 || length != in.available() - 8) {
                throw new SnapshotDamagedException(file, "cut short or padded: body of " + length + " bytes, "
                    + Math.max(0, in.available() - 8) + " present");
            }
            final byte[] body = in.readNBytes(length);
            if (in.readLong() != crc.getValue()) {
                throw new SnapshotDamagedException(file, "checksum mismatch (the file was changed or damaged)");
            }
            return new Loaded(file, header, body);
        } catch (IOException e) {
            throw new SnapshotDamagedException(file, "cut short: " + e.getMessage());
        }
    }
}
