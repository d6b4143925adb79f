package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCursorTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "1", "-0.5e+3", "\"a\\\"b\"", "true", " null ", "{\"a\":[1,{\"b\":false}]}",
        "[[],{},\"\",0]", "{\"k\":\"\\u00e9\"}"})
    void shouldAcceptValidJson(String json) {
        assertThat(tokens(json)).last().isEqualTo("END");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{|TRUNCATED_JSON", "[1,|TRUNCATED_JSON", "\"abc|TRUNCATED_JSON", "{\"a\"|TRUNCATED_JSON", "tru|TRUNCATED_JSON",
        "{,}|MALFORMED_JSON", "[1 2]|MALFORMED_JSON", "{\"a\" 1}|MALFORMED_JSON", "{a:1}|MALFORMED_JSON",
        "[1,]|MALFORMED_JSON", "01|MALFORMED_JSON", "1.|TRUNCATED_JSON", "1.e5|MALFORMED_JSON", "NaN|MALFORMED_JSON",
        "{}{}|MALFORMED_JSON", "[}|MALFORMED_JSON", "{]|MALFORMED_JSON", "trux|MALFORMED_JSON",
        "[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]|TOO_DEEP"})
    void shouldRejectBadJsonWithAReason(String json, RejectReason reason) {
        final JsonCursor c = new JsonCursor(16, 64);
        final byte[] b = json.getBytes(StandardCharsets.UTF_8);
        c.wrap(b, 0, b.length);
        int t;
        do {
            t = c.next();
        } while (t != JsonCursor.END && t != JsonCursor.ERROR);
        assertThat(t).isEqualTo(JsonCursor.ERROR);
        assertThat(c.error()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\u0001b\"", "\"line\nbreak\""})
    void shouldRejectRawControlCharactersInStrings(String json) {
        assertThat(tokens(json)).last().isEqualTo("ERROR");
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 1_000})
    void shouldRejectStringsLongerThanTheLimit(int length) {
        final JsonCursor c = new JsonCursor(16, 64);
        final byte[] b = ("\"" + "x".repeat(length) + "\"").getBytes(StandardCharsets.UTF_8);
        c.wrap(b, 0, b.length);
        assertThat(c.next()).isEqualTo(JsonCursor.ERROR);
        assertThat(c.error()).isEqualTo(RejectReason.STRING_TOO_LONG);
    }

    @ParameterizedTest
    @CsvSource({"'{\"a\":{\"b\":[1,2,{\"c\":3}]},\"d\":4}', d"})
    void shouldSkipNestedValues(String json, String lastKey) {
        final JsonCursor c = new JsonCursor(16, 64);
        final byte[] b = json.getBytes(StandardCharsets.UTF_8);
        c.wrap(b, 0, b.length);
        assertThat(c.next()).isEqualTo(JsonCursor.START_OBJECT);
        assertThat(c.next()).isEqualTo(JsonCursor.FIELD_NAME);
        assertThat(c.skipChildren(c.next())).isEqualTo(JsonCursor.END_OBJECT);
        assertThat(c.next()).isEqualTo(JsonCursor.FIELD_NAME);
        assertThat(new String(b, c.tokenStart(), c.tokenLength(), StandardCharsets.UTF_8)).isEqualTo(lastKey);
        assertThat(c.next()).isEqualTo(JsonCursor.NUMBER);
        assertThat(c.tokenAsNonNegativeLong()).isEqualTo(4);
        assertThat(c.next()).isEqualTo(JsonCursor.END_OBJECT);
        assertThat(c.next()).isEqualTo(JsonCursor.END);
    }

    private static List<String> tokens(String json) {
        final JsonCursor c = new JsonCursor(16, 64);
        final byte[] b = json.getBytes(StandardCharsets.UTF_8);
        c.wrap(b, 0, b.length);
        final List<String> out = new ArrayList<>();
        int t;
        do {
            t = c.next();
            out.add(t == JsonCursor.END ? "END" : t == JsonCursor.ERROR ? "ERROR" : Integer.toString(t));
        } while (t != JsonCursor.END && t != JsonCursor.ERROR);
        return out;
    }
}
