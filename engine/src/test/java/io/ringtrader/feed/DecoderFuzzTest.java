package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds many thousands of seeded, mutated frames to both decoders: nothing may throw, and every event that
 * reaches the ring must be valid (positive price and size, known instrument, real time, no trade twice).
 */
class DecoderFuzzTest {
    private static final int FRAMES = Integer.getInteger("fuzz.frames", 8_000);
    private static final String[] BAD_NUMBERS = {"NaN", "Infinity", "-Infinity", "1e400", "-1", "0", "-0.0",
        "1234567890123456789012345678901234567890", "\"\"", "null", "true", "{}", "[]", "1.5e3", "0x1F"};

    @ParameterizedTest
    @ValueSource(longs = {1L, 20_261_126L, 7_777_777L})
    void shouldSurviveMutatedAdvancedTradeFrames(long seed) {
        run(DecoderFixture.advancedTrade("BTC", "ETH"), seed, false);
    }

    @ParameterizedTest
    @ValueSource(longs = {2L, 31_337L})
    void shouldSurviveMutatedExchangeFrames(long seed) {
        run(DecoderFixture.exchange("BTC", "ETH"), seed, true);
    }

    private void run(DecoderFixture f, long seed, boolean exchange) {
        final SplittableRandom random = new SplittableRandom(seed);
        final Set<Long> published = new HashSet<>();
        long nextId = 1;
        long sequence = 0;
        for (int i = 0; i < FRAMES; i++) {
            final String base;
            if (exchange) {
                base = random.nextInt(5) == 0 ? ExchangeDecoderTest.heartbeat(nextId, Frames.time(nextId))
                    : ExchangeDecoderTest.match(nextId).replace("BTC-USD", random.nextBoolean() ? "BTC-USD"
                    : "ETH-USD");
                nextId++;
            } else if (random.nextInt(6) == 0) {
                base = Frames.heartbeat(sequence++, Frames.time(nextId));
            } else {
                final int n = 1 + random.nextInt(4);
                final String[] trades = new String[n];
                for (int k = n - 1; k >= 0; k--) {
                    trades[k] = Frames.trade(random.nextBoolean() ? "BTC-USD" : "ETH-USD", nextId++);
                }
                base = Frames.marketTrades(sequence++, random.nextBoolean() ? "update" : "snapshot", trades);
            }
            final byte[] frame = mutate(base, random).getBytes(StandardCharsets.UTF_8);
            try {
                f.decoder.decode(frame, 0, frame.length, i);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " frame " + i + " threw on: "
                    + new String(frame, StandardCharsets.UTF_8), e);
            }
            check(f.ring.drainNew(), published, seed, f.instruments.size());
        }
        assertThat(f.stats.rejectsTotal()).as("seed %d", seed).isPositive();
        assertThat(f.stats.trades()).as("seed %d: valid frames still get through", seed).isPositive();
    }

    private static void check(List<MarketEvent> events, Set<Long> published, long seed, int instruments) {
        for (MarketEvent e : events) {
            if (e.type == EventType.TRADE) {
                assertThat(e.priceE8).as("seed %d: %s", seed, e).isPositive();
                assertThat(e.sizeE8).as("seed %d: %s", seed, e).isPositive();
                assertThat(e.timestampNs).as("seed %d: %s", seed, e).isPositive();
                assertThat(e.instrumentId).as("seed %d: %s", seed, e).isBetween(0, instruments - 1);
                assertThat(published.add(e.instrumentId * 1_000_000_000L + e.tradeId))
                    .as("seed %d: published twice: %s", seed, e).isTrue();
            } else {
                assertThat(e.type).as("seed %d: %s", seed, e).isIn(EventType.HEARTBEAT, EventType.GAP);
            }
        }
    }

    static String mutate(String frame, SplittableRandom random) {
        switch (random.nextInt(10)) {
            case 0:
                return frame.substring(0, random.nextInt(frame.length()));
            case 1: {
                final byte[] b = frame.getBytes(StandardCharsets.ISO_8859_1);
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            case 2:
                return frame.replaceFirst(pickKey(random) + "\"[^,}]*,?", "");
            case 3:
                return frame.replaceFirst("(" + pickNumberKey(random) + ")\"[^\"]*\"",
                    "$1" + (random.nextBoolean() ? "\"" + BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)] + "\""
                        : BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)].replace("$", "")));
            case 4:
                return frame.replaceFirst("\"side\":\"[A-Za-z]*\"", "\"side\":\"" + "X".repeat(1 + random.nextInt(
                    20_000)) + "\"");
            case 5: {
                final int depth = 1 + random.nextInt(3_000);
                return frame.replaceFirst("\"events\":|\"sequence\":", "\"deep\":" + "[".repeat(depth)
                    + "]".repeat(depth) + ",$0");
            }
            case 6:
                return frame.replaceFirst("(\"price\":\"[^\"]*\")", "$1,$1");
            case 7:
                return frame + (random.nextBoolean() ? frame : "garbage");
            case 8:
                return frame.replace("BTC-USD", random.nextBoolean() ? "${jndi:ldap://x}\\n" : "BTC-US");
            default:
                return frame;
        }
    }

    private static String pickKey(SplittableRandom random) {
        final String[] keys = {"\"trade_id\":", "\"price\":", "\"size\":", "\"time\":", "\"product_id\":",
            "\"channel\":", "\"timestamp\":", "\"type\":"};
        return keys[random.nextInt(keys.length)];
    }

    private static String pickNumberKey(SplittableRandom random) {
        final String[] keys = {"\"price\":", "\"size\":", "\"trade_id\":"};
        return keys[random.nextInt(keys.length)];
    }
}
