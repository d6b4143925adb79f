package io.ringtrader.dashboard;

import io.ringtrader.event.Rfc3339;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade log ({@code live_trades.csv}) as rows, read from the file its background writer appends and fsyncs,
 * so the dashboard never touches the portfolio stage. Re-read only when the file grew; a torn last line (no line
 * break yet) is left for the next read. Used by the dashboard's HTTP thread; synchronized for safety.
 */
public final class TradeLogRows {
    /** One fill: its exchange time, symbol and every column as written (header order). */
    public record Row(long timestampNs, String symbol, String[] columns) {
        /** The value of column {@code name}, or "" when the header has no such column. */
        public String get(List<String> header, String name) {
            final int i = header.indexOf(name);
            return i < 0 || i >= columns.length ? "" : columns[i];
        }
    }

    private final Path file;
    private List<String> header = List.of();
    private List<Row> rows = List.of();
    private long readSize = -1;

    /** Rows of {@code file} (absent: none). */
    public TradeLogRows(Path file) {
        this.file = file;
    }

    /** The column names. */
    public synchronized List<String> header() {
        refresh();
        return header;
    }

    /** Every complete row, in file order (exchange time order). */
    public synchronized List<Row> rows() {
        refresh();
        return rows;
    }

    private void refresh() {
        final long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return;
        }
        if (size == readSize) {
            return;
        }
        try {
            final String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            final int end = text.lastIndexOf('\n');
            final List<Row> parsed = new ArrayList<>();
            List<String> names = List.of();
            int start = 0;
            while (start <= end) {
                final int nl = text.indexOf('\n', start);
                final String line = text.substring(start, nl);
                start = nl + 1;
                if (line.isEmpty()) {
                    continue;
                }
                final String[] cols = split(line);
                if (names.isEmpty()) {
                    names = List.of(cols);
                    continue;
                }
                final long t = Rfc3339.parse(cols[0]);
                if (t != Rfc3339.INVALID && cols.length > 1) {
                    parsed.add(new Row(t, cols[1], cols));
                }
            }
            header = names;
            rows = List.copyOf(parsed);
            readSize = size;
        } catch (IOException e) {
            // the writer may be renaming or repairing it: keep what was read, try again next time
        }
    }

    /** Splits one CSV line; fields may be quoted ({@code "a,b"}, {@code ""} for a quote). */
    static String[] split(String line) {
        final List<String> out = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out.toArray(new String[0]);
    }
}
