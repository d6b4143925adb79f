package io.ringtrader.config;

import io.ringtrader.event.Rfc3339;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The built-in loopback exchange ({@code feed.source: sim} or {@code replay}); speed, seed, hours and the tape file
 * stay in {@link FeedConfig}.
 *
 * @param simStartNs         simulated session start, epoch ns (from {@code sim_start}, RFC 3339, whole seconds)
 * @param startDelayMs       the market clock starts this long after the first trades subscribe
 * @param subscribeTimeoutMs connections that have not subscribed by then are closed
 * @param rejectProducts     product ids refused like Coinbase refuses unknown ones (e.g. MATIC-USD)
 * @param atomicSubscribe    a subscribe naming a refused product subscribes nothing (Coinbase behaviour)
 * @param batchMs            exchange milliseconds of trades per {@code update} frame
 * @param snapshotSize       trades per product in a {@code snapshot}
 */
public record ExchangeConfig(long simStartNs, long startDelayMs, long subscribeTimeoutMs, List<String> rejectProducts,
                             boolean atomicSubscribe, long batchMs, int snapshotSize) {

    /** Default simulated start: 2026-01-05T00:00:00Z. */
    public static final String DEFAULT_SIM_START = "2026-01-05T00:00:00Z";
    private static final Pattern PRODUCT = Pattern.compile("[A-Z0-9]{1,10}-[A-Z0-9]{1,10}");

    /** Reads the {@code exchange} section. */
    public static ExchangeConfig read(ConfigNode n) {
        final String start = n.string("sim_start", DEFAULT_SIM_START);
        final long startNs = Rfc3339.parse(start);
        if (startNs == Rfc3339.INVALID) {
            throw n.fail("sim_start", "must be an RFC 3339 UTC time like " + DEFAULT_SIM_START + ", got '" + start
                + "'");
        }
        if (startNs % 1_000_000_000L != 0) {
            throw n.fail("sim_start", "must be a whole second, got '" + start + "'");
        }
        final List<String> rejects = n.stringList("reject_products", List.of()).stream()
            .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (String product : rejects) {
            if (!PRODUCT.matcher(product).matches()) {
                throw n.fail("reject_products", "'" + product + "' is not a product id like MATIC-USD");
            }
        }
        return new ExchangeConfig(startNs,
            n.integer("start_delay_ms", 1_000, 0, 60_000),
            n.integer("subscribe_timeout_ms", 5_000, 100, 600_000),
            rejects,
            n.bool("atomic_subscribe", true),
            n.integer("batch_ms", 250, 1, 60_000),
            (int) n.integer("snapshot_size", 100, 0, 10_000));
    }
}
