package io.ringtrader.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a JSON-lines tape: each line is a recorded trade ({@code {"product_id","trade_id","price","size","side",
 * "time"}}), a raw Advanced Trade frame (an object with {@code channel}; trades of {@code market_trades} snapshots
 * and updates, times of {@code heartbeats}, books of {@code l2_data} snapshots and updates), a raw Exchange frame
 * (an object with {@code type}: trades of {@code match}/{@code last_match}, books of {@code snapshot} and
 * {@code l2update}, others ignored), or a cryptofeed {@code {"t":"recv","data":"<frame>"}} record. Level2 frames
 * become {@link SimEvent#LEVEL2} events whose levels wait in the {@link TapeBook}, applied to its books as each
 * event is emitted; an Exchange snapshot carries no time and takes the tape's time so far (or the first time after
 * it, at the start of a tape). Trades
 * repeated by snapshots are dropped by trade id per product; consecutive snapshot frames (the connect burst, one
 * per product) are merged by time before the live frames after them. A heartbeat is synthesized at every whole
 * second of tape time, through the end of the last minute, so candles close on quiet minutes. Bad lines are
 * counted and skipped. Single-threaded.
 */
public final class TapeSource implements MarketSource {
    private static final Logger LOG = LogManager.getLogger(TapeSource.class);
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long MINUTE_NS = 60 * SECOND_NS;
    private static final int MAX_LOGGED = 10;
    /** The time of a level2 event read before the tape's first time (replaced by it). */
    private static final long UNTIMED = Long.MIN_VALUE;

    private final Instruments instruments;
    private final BufferedReader reader;
    private final ObjectMapper mapper = new ObjectMapper();
    private final long[] lastTradeId;
    private final TapeBook book;
    private final List<SimEvent> queue = new ArrayList<>();
    private int queueSize;
    private int queueIndex;
    private long nextHeartbeatNs = Long.MIN_VALUE;
    private long heartbeatTargetNs = Long.MIN_VALUE;
    private long lastTimeNs = Long.MIN_VALUE;
    private boolean eof;
    /** The connect burst's snapshot frames are held and merged by time until live data follows. */
    private boolean holdingSnapshots;
    /** What the line being decoded was: 1 a snapshot frame, 2 live trades or heartbeats, 0 anything else. */
    private int lineKind;
    private long lineNumber;
    private long trades;
    private long duplicates;
    private long rejected;
    private long level2Events;

    /** Opens {@code file}; trades of products missing from {@code instruments} are skipped. */
    public TapeSource(Instruments instruments, Path file) throws IOException {
        this(instruments, Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Reads the tape from {@code reader} (closed by {@link #close()}). */
    public TapeSource(Instruments instruments, BufferedReader reader) {
        this.instruments = instruments;
        this.reader = reader;
        this.lastTradeId = new long[instruments.size()];
        Arrays.fill(lastTradeId, Long.MIN_VALUE);
        this.book = new TapeBook(instruments.size());
    }

    @Override
    public boolean next(SimEvent out) {
        while (true) {
            if (queueIndex < queueSize && !holdingSnapshots) {
                final SimEvent event = queue.get(queueIndex);
                if (nextHeartbeatNs <= event.timestampNs) {
                    emitHeartbeat(out);
                } else {
                    out.copyFrom(event);
                    queueIndex++;
                    if (event.isLevel2()) {
                        book.apply(event);
                        level2Events++;
                    } else {
                        trades++;
                    }
                }
                return true;
            }
            if (!holdingSnapshots && nextHeartbeatNs != Long.MIN_VALUE && nextHeartbeatNs <= heartbeatTargetNs) {
                emitHeartbeat(out);
                return true;
            }
            if (eof) {
                return false;
            }
            readLine();
        }
    }

    /** Trades emitted so far. */
    public long trades() {
        return trades;
    }

    /** Level2 snapshots and updates emitted so far. */
    public long level2Events() {
        return level2Events;
    }

    @Override
    public TapeBook tapeBook() {
        return book;
    }

    /** Trades dropped because their id was not above the last one of their product (snapshot repeats). */
    public long duplicates() {
        return duplicates;
    }

    /** Lines or trades rejected as malformed or for an unknown product. */
    public long rejected() {
        return rejected;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void emitHeartbeat(SimEvent out) {
        out.heartbeat(nextHeartbeatNs);
        nextHeartbeatNs += SECOND_NS;
    }

    private void readLine() {
        if (!holdingSnapshots) {
            queueSize = 0;
            queueIndex = 0;
            book.clearPending(); // every event that referenced them was served
        }
        final String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            eof = true;
            if (lastTimeNs == Long.MIN_VALUE) {
                queueSize = queueIndex; // nothing on the tape had a time: nothing to serve
            }
            releaseSnapshots(queueSize);
            if (lastTimeNs != Long.MIN_VALUE) {
                // close the tape's last minute
                heartbeatTargetNs = (Math.floorDiv(lastTimeNs, MINUTE_NS) + 1) * MINUTE_NS;
            }
            return;
        }
        lineNumber++;
        if (line.isBlank()) {
            return;
        }
        final int held = queueSize;
        lineKind = 0;
        try {
            decode(mapper.readTree(line));
        } catch (IOException | RuntimeException e) {
            reject("malformed JSON: " + e.getMessage());
        }
        if (lineKind == 1) {
            holdingSnapshots = true;
        } else if (lineKind == 2) {
            releaseSnapshots(held);
        }
    }

    /**
     * Products' connect snapshots arrive one after another and reach back different lengths of time: served in
     * the order recorded, a later (older) one would come after the exchange clock passed its minutes. Merged by
     * time, the market is served as it happened.
     */
    private void releaseSnapshots(int heldEnd) {
        if (holdingSnapshots) {
            queue.subList(queueIndex, heldEnd).sort(java.util.Comparator.comparingLong((SimEvent e) -> e.timestampNs)
                .thenComparingLong(e -> e.tradeId));
            holdingSnapshots = false;
        }
    }

    private void decode(JsonNode node) throws IOException {
        if (node.has("t") && node.has("data")) {
            if ("recv".equals(node.path("t").asText())) {
                decode(mapper.readTree(node.path("data").asText()));
            }
            return;
        }
        final String channel = node.path("channel").asText("");
        if (channel.isEmpty()) {
            decodeExchange(node);
            return;
        }
        if ("l2_data".equals(channel)) {
            decodeL2Data(node);
        } else if ("heartbeats".equals(channel)) {
            advanceTo(Rfc3339.parse(node.path("timestamp").asText("")));
            lineKind = 2;
        } else if ("market_trades".equals(channel)) {
            boolean allSnapshots = node.path("events").size() > 0;
            for (JsonNode event : node.path("events")) {
                allSnapshots &= "snapshot".equals(event.path("type").asText());
            }
            lineKind = allSnapshots ? 1 : 2;
            for (JsonNode event : node.path("events")) {
                // Coinbase lists trades newest first in snapshots and in updates that carry several trades: take
                // them oldest first (by time, then id), or every later one would look like a repeat
                final List<JsonNode> list = new ArrayList<>();
                event.path("trades").forEach(list::add);
                list.sort(java.util.Comparator.comparingLong((JsonNode t) -> Rfc3339.parse(t.path("time").asText("")))
                    .thenComparingLong(t -> parseId(t.path("trade_id").asText(""))));
                list.forEach(this::addTrade);
            }
        }
    }

    /** An Exchange frame ({@code type}) or a plain recorded trade (no {@code type}). */
    private void decodeExchange(JsonNode node) {
        final String type = node.path("type").asText("");
        if (type.isEmpty() || "match".equals(type) || "last_match".equals(type)) {
            if (node.has("trade_id")) {
                addTrade(node);
                lineKind = 2;
            }
        } else if ("snapshot".equals(type)) {
            final boolean untimed = !node.has("time") && lastTimeNs == Long.MIN_VALUE;
            final long timeNs = node.has("time") ? Rfc3339.parse(node.path("time").asText("")) : lastTimeNs;
            final int id = level2Product(node);
            final int from = book.pendingEnd();
            if (id != Instruments.UNKNOWN && addLevels(node.path("bids"), 0, true) && addLevels(node.path("asks"), 0,
                false)) {
                addLevel2(id, timeNs, true, from, untimed);
                lineKind = 1;
            } else {
                book.truncatePending(from);
            }
        } else if ("l2update".equals(type)) {
            final long timeNs = Rfc3339.parse(node.path("time").asText(""));
            final int id = level2Product(node);
            final int from = book.pendingEnd();
            if (id != Instruments.UNKNOWN && addLevels(node.path("changes"), 1, false)) {
                addLevel2(id, timeNs, false, from, false);
                lineKind = 2;
            } else {
                book.truncatePending(from);
            }
        }
    }

    /** An Advanced Trade {@code l2_data} frame: one event per product, stamped with the envelope's time. */
    private void decodeL2Data(JsonNode node) {
        final long timeNs = Rfc3339.parse(node.path("timestamp").asText(""));
        boolean allSnapshots = node.path("events").size() > 0;
        for (JsonNode event : node.path("events")) {
            final boolean snapshot = "snapshot".equals(event.path("type").asText());
            allSnapshots &= snapshot;
            final int id = level2Product(event);
            final int from = book.pendingEnd();
            boolean good = id != Instruments.UNKNOWN;
            for (JsonNode level : event.path("updates")) {
                final int side = sideOf(level.path("side").asText(""));
                good = good && side >= 0 && addLevel(side == 1, level.path("price_level"), level.path("new_quantity"));
            }
            if (good) {
                addLevel2(id, timeNs, snapshot, from, false);
            } else {
                book.truncatePending(from);
            }
        }
        lineKind = allSnapshots ? 1 : 2;
    }

    private int level2Product(JsonNode node) {
        final int id = instruments.idOfProduct(node.path("product_id").asText(""));
        if (id == Instruments.UNKNOWN) {
            reject("unknown product " + node.path("product_id").asText(""));
        }
        return id;
    }

    /**
     * Exchange level arrays: {@code [price, size]} ({@code sideAt} 0, the side given by {@code bid}) or
     * {@code [side, price, size]} ({@code sideAt} 1).
     */
    private boolean addLevels(JsonNode levels, int sideAt, boolean bid) {
        for (JsonNode level : levels) {
            final int side = sideAt == 0 ? (bid ? 1 : 0) : sideOf(level.path(0).asText(""));
            if (side < 0 || !addLevel(side == 1, level.path(sideAt), level.path(sideAt + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean addLevel(boolean bid, JsonNode price, JsonNode size) {
        final long priceE8 = FixedPoint.parse(price.asText(""));
        final long sizeE8 = FixedPoint.parse(size.asText(""));
        if (priceE8 == FixedPoint.INVALID || priceE8 <= 0 || sizeE8 == FixedPoint.INVALID || sizeE8 < 0) {
            reject("bad level2 level " + price + " " + size);
            return false;
        }
        book.addPending(bid, priceE8, sizeE8);
        return true;
    }

    /** {@code bid}/{@code buy} -> 1, {@code offer}/{@code ask}/{@code sell} -> 0, else -1. */
    private static int sideOf(String side) {
        return switch (side) {
            case "bid", "buy" -> 1;
            case "offer", "ask", "sell" -> 0;
            default -> -1;
        };
    }

    /** Queues a level2 event; an {@code untimed} one is stamped by the tape's first time (see {@link #advanceTo}). */
    private void addLevel2(int id, long timeNs, boolean snapshot, int from, boolean untimed) {
        if (untimed) {
            slot().level2(id, UNTIMED, snapshot, from, book.pendingEnd());
            return;
        }
        if (timeNs == Rfc3339.INVALID) {
            reject("bad level2 timestamp");
            book.truncatePending(from);
            return;
        }
        slot().level2(id, timeNs, snapshot, from, book.pendingEnd());
        advanceTo(timeNs);
    }

    private SimEvent slot() {
        if (queueSize == queue.size()) {
            queue.add(new SimEvent());
        }
        return queue.get(queueSize++);
    }

    private void addTrade(JsonNode node) {
        final int id = instruments.idOfProduct(node.path("product_id").asText(""));
        if (id == Instruments.UNKNOWN) {
            reject("unknown product " + node.path("product_id").asText(""));
            return;
        }
        final long priceE8 = FixedPoint.parse(node.path("price").asText(""));
        final long sizeE8 = FixedPoint.parse(node.path("size").asText(""));
        final long timeNs = Rfc3339.parse(node.path("time").asText(""));
        final long tradeId = parseId(node.path("trade_id").asText(""));
        if (priceE8 == FixedPoint.INVALID || priceE8 <= 0 || sizeE8 == FixedPoint.INVALID || sizeE8 <= 0
            || timeNs == Rfc3339.INVALID || tradeId < 0) {
            reject("bad trade " + node);
            return;
        }
        if (tradeId <= lastTradeId[id]) {
            duplicates++;
            return;
        }
        lastTradeId[id] = tradeId;
        final String sideText = node.path("side").asText("");
        final byte side = "BUY".equalsIgnoreCase(sideText) ? Side.BUY
            : "SELL".equalsIgnoreCase(sideText) ? Side.SELL : Side.UNKNOWN;
        slot().trade(id, timeNs, priceE8, sizeE8, tradeId, side);
        advanceTo(timeNs);
    }

    private void advanceTo(long timeNs) {
        if (timeNs == Rfc3339.INVALID) {
            reject("bad timestamp");
            return;
        }
        if (nextHeartbeatNs == Long.MIN_VALUE) {
            nextHeartbeatNs = Math.floorDiv(timeNs, SECOND_NS) * SECOND_NS;
            for (int i = queueIndex; i < queueSize; i++) {
                if (queue.get(i).timestampNs == UNTIMED) {
                    queue.get(i).timestampNs = timeNs; // an untimed snapshot at the start of the tape
                }
            }
        }
        lastTimeNs = Math.max(lastTimeNs, timeNs);
        heartbeatTargetNs = Math.max(heartbeatTargetNs, timeNs);
    }

    private static long parseId(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            final int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private void reject(String reason) {
        rejected++;
        if (rejected <= MAX_LOGGED) {
            LOG.warn("tape line {}: {}{}", lineNumber, reason, rejected == MAX_LOGGED ? " (further rejects not logged)"
                : "");
        }
    }
}
