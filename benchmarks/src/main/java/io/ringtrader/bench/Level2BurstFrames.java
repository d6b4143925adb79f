package io.ringtrader.bench;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.feed.BurstFeed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Advanced Trade {@code l2_data} frames in Coinbase's exact shapes for the level2 burst: one snapshot frame per
 * product (BTC-USD and ETH-USD with the depths of the real recording, 18,769/27,238 and 6,925/16,403 levels a
 * side), then a cycle of update frames whose level changes follow the recording's mix (measured by hand, the file
 * itself is not used): the rank from the touch has the recording's quantiles (14 % within the top 5, median 121,
 * 90 % within 1,426), and 24 % insert a level, 24 % delete one, the rest change a size. Each cycle ends by deleting
 * the levels it inserted, so the books return to the snapshot's levels and the cycle can repeat for ever. Frames
 * lie in one byte array; {@link #sendNext} writes the connection's next {@code sequence_num} into the frame in
 * place (10 digits) and hands it to the feed. Built once by the harness thread, then used by the producer thread.
 */
final class Level2BurstFrames {
    static final String[] PRODUCTS = {"BTC-USD", "ETH-USD"};
    private static final int[][] DEPTH = {{18_769, 27_238}, {6_925, 16_403}};
    private static final long[] BEST_BID_E8 = {FixedPoint.parse("65000"), FixedPoint.parse("3500")};
    private static final long[] SPACING_E8 = {FixedPoint.parse("0.5"), FixedPoint.parse("0.05")};
    /** Rank from the touch at cumulative shares of the recording's level changes. */
    private static final double[] RANK_SHARE = {0, 0.10, 0.136, 0.25, 0.50, 0.75, 0.90, 0.99, 1.0};
    private static final int[] RANK_AT = {0, 2, 4, 51, 121, 307, 1_426, 9_027, 9_032};
    private static final String HEAD = "{\"channel\":\"l2_data\",\"client_id\":\"\","
        + "\"timestamp\":\"2026-01-05T10:15:30.123456789Z\",\"sequence_num\":";
    private static final String EVENT_TIME = "2026-01-05T10:15:30.123456Z";

    private final byte[][] snapshots = new byte[PRODUCTS.length][];
    private final byte[] updates;
    private final int[] offsets;
    private final int frames;
    private final int mainFrames;
    private final int levelsPerFrame;
    private long sequence = 1_000_000_000L;
    private int next;

    /** A cycle of about {@code changes} level changes, {@code levelsPerFrame} per frame, from {@code seed}. */
    Level2BurstFrames(int changes, int levelsPerFrame, long seed) {
        this.levelsPerFrame = levelsPerFrame;
        for (int p = 0; p < PRODUCTS.length; p++) {
            snapshots[p] = snapshot(p);
        }
        final SplittableRandom random = new SplittableRandom(seed);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(changes * 240);
        final int[] starts = new int[2 * changes + 2]; // main frames plus at most one delete per insert
        final Set<Long> extras = new HashSet<>();
        final ArrayDeque<long[]> inserted = new ArrayDeque<>();
        int n = 0;
        final StringBuilder frame = new StringBuilder(256 * levelsPerFrame);
        for (int c = 0; c < changes; c += levelsPerFrame) {
            final int product = random.nextInt(10) < 6 ? 0 : 1; // 60 % BTC-USD (recording: 52 % of frames)
            begin(frame, product);
            for (int k = 0; k < levelsPerFrame; k++) {
                final boolean bid = random.nextBoolean();
                final double op = random.nextDouble();
                if (op < 0.24 || op < 0.48 && inserted.isEmpty()) {
                    final long price = levelPrice(product, bid, rank(random, product, bid)) + (bid ? -1 : 1)
                        * SPACING_E8[product] / 2; // between two snapshot levels: a new level
                    if (extras.add(price * 2 + product)) {
                        inserted.add(new long[] {product, bid ? 1 : 0, price});
                    }
                    level(frame, k, bid, price, size(random));
                } else if (op < 0.48 && inserted.peekFirst()[0] == product) {
                    final long[] gone = inserted.pollFirst();
                    extras.remove(gone[2] * 2 + product);
                    level(frame, k, gone[1] == 1, gone[2], 0);
                } else {
                    level(frame, k, bid, levelPrice(product, bid, rank(random, product, bid)), size(random));
                }
            }
            starts[n++] = append(out, end(frame));
        }
        mainFrames = n;
        for (long[] gone : inserted) { // back to the snapshot's levels: the cycle repeats
            begin(frame, (int) gone[0]);
            level(frame, 0, gone[1] == 1, gone[2], 0);
            starts[n++] = append(out, end(frame));
        }
        frames = n;
        offsets = new int[n + 1];
        System.arraycopy(starts, 0, offsets, 0, n);
        offsets[n] = out.size();
        updates = out.toByteArray();
    }

    /** Frames in one cycle. */
    int frames() {
        return frames;
    }

    /** Level changes per update frame (the last frames of a cycle carry one). */
    int levelsPerFrame() {
        return levelsPerFrame;
    }

    /** Sends every product's snapshot (a fresh connection's first level2 frames). */
    void sendSnapshots(BurstFeed feed, long receivedNs) {
        for (byte[] s : snapshots) {
            stamp(s, HEAD.length());
            feed.decode(s, 0, s.length, receivedNs);
        }
    }

    /** Sends the next update frame of the cycle; returns the level changes it carried. */
    int sendNext(BurstFeed feed, long receivedNs) {
        final int i = next;
        next = i + 1 == frames ? 0 : i + 1;
        final int from = offsets[i];
        stamp(updates, from + HEAD.length());
        feed.decode(updates, from, offsets[i + 1] - from, receivedNs);
        return i < mainFrames ? levelsPerFrame : 1;
    }

    private void stamp(byte[] buf, int at) {
        long v = sequence++;
        for (int d = at + 9; d >= at; d--) {
            buf[d] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    private static int rank(SplittableRandom random, int product, boolean bid) {
        final double u = random.nextDouble();
        int i = 1;
        while (RANK_SHARE[i] < u) {
            i++;
        }
        final double f = (u - RANK_SHARE[i - 1]) / (RANK_SHARE[i] - RANK_SHARE[i - 1]);
        final int r = (int) (RANK_AT[i - 1] + f * (RANK_AT[i] - RANK_AT[i - 1]));
        return Math.min(r, DEPTH[product][bid ? 0 : 1] - 1);
    }

    private static long levelPrice(int product, boolean bid, int rank) {
        return bid ? BEST_BID_E8[product] - rank * SPACING_E8[product]
            : BEST_BID_E8[product] + (rank + 1) * SPACING_E8[product];
    }

    private static long size(SplittableRandom random) {
        return 1 + random.nextLong(200_000_000L);
    }

    private static byte[] snapshot(int product) {
        final StringBuilder sb = new StringBuilder(6 << 20).append(HEAD).append("0000000000,\"events\":[{\"type\":"
            + "\"snapshot\",\"product_id\":\"").append(PRODUCTS[product]).append("\",\"updates\":[");
        final SplittableRandom random = new SplittableRandom(product);
        int k = 0;
        for (int side = 0; side < 2; side++) { // best first on each side, as Coinbase sends it
            for (int r = 0; r < DEPTH[product][side]; r++) {
                level(sb, k++, side == 0, levelPrice(product, side == 0, r), size(random));
            }
        }
        return sb.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void begin(StringBuilder sb, int product) {
        sb.setLength(0);
        sb.append(HEAD).append("0000000000,\"events\":[{\"type\":\"update\",\"product_id\":\"")
            .append(PRODUCTS[product]).append("\",\"updates\":[");
    }

    private static void level(StringBuilder sb, int k, boolean bid, long priceE8, long sizeE8) {
        sb.append(k == 0 ? "" : ",").append("{\"side\":\"").append(bid ? "bid" : "offer")
            .append("\",\"event_time\":\"").append(EVENT_TIME).append("\",\"price_level\":\"")
            .append(FixedPoint.format(priceE8)).append("\",\"new_quantity\":\"").append(FixedPoint.format(sizeE8))
            .append("\"}");
    }

    private static String end(StringBuilder sb) {
        return sb.append("]}]}").toString();
    }

    private static int append(ByteArrayOutputStream out, String frame) {
        final int at = out.size();
        out.writeBytes(frame.getBytes(StandardCharsets.US_ASCII));
        return at;
    }
}
