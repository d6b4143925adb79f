package io.ringtrader.portfolio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Start-up checks of the trade log: a torn last line (a crash mid-append) is cut off at the last line break, and a
 * file whose header is not {@link TradeLogFormat#HEADER} is refused rather than appended to. Call before the writer
 * opens the file; single-threaded.
 */
public final class TradeLogFile {
    private TradeLogFile() {
    }

    /**
     * Repairs {@code path} in place (truncate to the last complete line, fsync) if it exists.
     *
     * @return the number of bytes cut off (0 when the file was whole or absent)
     * @throws IOException when the file holds a different header, or on I/O errors
     */
    public static long repair(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final long size = ch.size();
            final long keep = lastLineEnd(ch, size);
            if (keep > 0) {
                checkHeader(ch, path);
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
            return size - keep;
        }
    }

    /**
     * Cuts data rows beyond the first {@code rows} (the {@code trade_count} of the state file the session restarts
     * from): after a crash between appending a batch of rows and saving the state that covers them, the replay of
     * the journal writes those fills again, so the stale copies must go first. Call after {@link #repair}.
     *
     * @return the number of rows cut (0 when the log holds at most {@code rows} data rows or is absent)
     */
    public static long trimToRows(Path path, long rows) throws IOException {
        if (!Files.exists(path) || rows < 0) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long offset = 0;
            long lines = 0;
            long cutAt = -1;
            final long keepLines = rows + 1; // the header plus the rows
            while (true) {
                buf.clear();
                final int n = ch.read(buf, offset);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n' && ++lines == keepLines) {
                        cutAt = offset + i + 1;
                    }
                }
                offset += n;
            }
            if (cutAt < 0 || lines <= keepLines) {
                return 0;
            }
            ch.truncate(cutAt);
            ch.force(true);
            return lines - keepLines;
        }
    }

    /**
     * Data rows ending in a line break (a torn last line does not count); 0 when the file is absent. Start-up
     * compares it with the state file's {@code trade_count}: fewer rows means rows were lost at the end, and the
     * portfolio is rebuilt from the journal so that every row is written again.
     */
    public static long completeRows(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        long lines = 0;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long offset = 0;
            int n;
            while ((n = ch.read(buf.clear(), offset)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        lines++;
                    }
                }
                offset += n;
            }
        }
        return Math.max(0, lines - 1);
    }

    /** Offset just after the last {@code \n} (0 when there is none). */
    private static long lastLineEnd(FileChannel ch, long size) throws IOException {
        final ByteBuffer buf = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            final long start = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining()) {
                if (ch.read(buf, start + buf.position()) < 0) {
                    throw new IOException("trade log shrank while being repaired");
                }
            }
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static void checkHeader(FileChannel ch, Path path) throws IOException {
        final byte[] expected = (TradeLogFormat.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer buf = ByteBuffer.allocate(expected.length);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // keep reading until the header length is in or the file ends
        }
        if (buf.position() != expected.length || !Arrays.equals(buf.array(), expected)) {
            throw new IOException(path + " is not a RingTrader trade log (its first line is not '"
                + TradeLogFormat.HEADER + "'); move it away or fix it");
        }
    }
}
