package io.ringtrader.feed;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feed's JSON tokenizer alone over a one-level Advanced Trade {@code l2_data} frame (the frame of
 * {@link Level2DecodeBenchmark#oneLevelUpdate}, 37 tokens): what reading the frame costs before any field is
 * interpreted or any book touched. {@code scanBytes} reads the same bytes once, the floor of any decoder.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCursorBenchmark {
    private final byte[] frame = ("{\"channel\":\"l2_data\",\"client_id\":\"\","
        + "\"timestamp\":\"2026-01-05T10:15:30.123456789Z\",\"sequence_num\":1000000000,"
        + "\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":["
        + "{\"side\":\"bid\",\"event_time\":\"2026-01-05T10:15:30.123456Z\","
        + "\"price_level\":\"64970.5\",\"new_quantity\":\"0.5\"}]}]}").getBytes(StandardCharsets.US_ASCII);
    private final JsonCursor cursor = new JsonCursor(FeedParts.MAX_DEPTH, FeedParts.MAX_STRING_BYTES);

    @Benchmark
    public int tokenize() {
        cursor.wrap(frame, 0, frame.length);
        int t;
        int tokens = 0;
        while ((t = cursor.next()) > JsonCursor.END) {
            tokens += t + cursor.tokenLength();
        }
        if (t != JsonCursor.END) {
            throw new IllegalStateException("the frame did not tokenize: " + cursor.error());
        }
        return tokens;
    }

    @Benchmark
    public int scanBytes() {
        int quotes = 0;
        for (byte b : frame) {
            quotes += b == '"' ? 1 : 0;
        }
        return quotes;
    }
}
