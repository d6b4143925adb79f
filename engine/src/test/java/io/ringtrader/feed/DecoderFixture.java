package io.ringtrader.feed;

import io.ringtrader.config.FeedProtocol;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Instruments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A decoder wired to a real ring, counters and a recording {@link FeedControl}, for decoder tests. */
final class DecoderFixture implements FeedControl {
    final Instruments instruments;
    final TestRing ring;
    final FeedStats stats = new FeedStats();
    final FeedDecoder decoder;
    final List<String> errors = new ArrayList<>();
    /** The level2 books, or null for a trades-only fixture. */
    final Level2Books books;
    int subscribed;
    int booksLost;

    DecoderFixture(String protocol, List<String> symbols, int ringSize) {
        this(protocol, Instruments.of(symbols, "USD"), ringSize);
    }

    DecoderFixture(String protocol, Instruments instruments, int ringSize) {
        this(protocol, instruments, ringSize, false);
    }

    DecoderFixture(String protocol, Instruments instruments, int ringSize, boolean level2) {
        this.instruments = instruments;
        ring = new TestRing(ringSize, instruments.size());
        final TradeSink sink = new TradeSink(ring.publisher, stats, instruments.size(), 4096, 20_000);
        final RejectLog rejects = new RejectLog(stats, System::nanoTime, 10_000_000_000L);
        books = level2 ? new Level2Books(instruments.size(), 200_000, ring.publisher) : null;
        decoder = new FeedParts(instruments, ring.publisher, sink, stats, rejects, this, books)
            .decoder(ConfigNode.named(FeedProtocol.class, protocol, "protocol"));
        decoder.connectionStarted();
    }

    /** A fixture with level2 books for products such as {@code BTC-USD} or {@code SKL-GBP}. */
    static DecoderFixture withBooks(String protocol, int ringSize, String... products) {
        return new DecoderFixture(protocol, instruments(products), ringSize, true);
    }

    /** Instruments for product ids {@code BASE-QUOTE}, ids in order, default increments. */
    static Instruments instruments(String... products) {
        final List<io.ringtrader.event.Instrument> list = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            final String[] parts = products[i].split("-");
            list.add(Instruments.withDefaults(i, parts[0], parts[1]));
        }
        return new Instruments(list);
    }

    static DecoderFixture advancedTrade(String... symbols) {
        return new DecoderFixture("advanced-trade", List.of(symbols), 1 << 12);
    }

    static DecoderFixture exchange(String... symbols) {
        return new DecoderFixture("exchange", List.of(symbols), 1 << 12);
    }

    void decode(String frame) {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, 1L);
    }

    @Override
    public void onSubscribed(long timestampNs, long receivedNs) {
        subscribed++;
    }

    @Override
    public void onErrorFrame(String text) {
        errors.add(text);
    }

    @Override
    public void onBooksLost() {
        booksLost++;
    }
}
