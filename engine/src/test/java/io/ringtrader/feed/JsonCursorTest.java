package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /**
     * Strings are scanned eight bytes at a time: a quote, a backslash escape or a control character at every
     * position of the first two words (and after UTF-8 bytes, whose high bit must not flag) is found exactly.
     */
    @Test
    void shouldFindTheEndOfAStringAndEveryEscapeOrControlCharacterAtAnyPositionOfAWord() {
        for (int before = 0; before < 20; before++) {
            for (String filler : List.of("x", "\u00e9", "\u20ac")) {
                final String head = filler.repeat(before);
                assertThat(stringToken("\"" + head + "\",1]"))
                    .as("plain string of %d x %s", before, filler).isEqualTo(head);
                assertThat(stringToken("\"" + head + "\\\"q\" ]")).as("escape after %d", before)
                    .isEqualTo(head + "\\\"q");
                assertThat(tokens("[\"" + head + "\u0001tail\"]")).as("control after %d", before)
                    .contains("ERROR");
                assertThat(tokens("[\"" + head + "\ttail\"]")).as("tab after %d", before).contains("ERROR");
                assertThat(tokens("[\"" + head)).as("unterminated after %d", before).last().isEqualTo("ERROR");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\" : 1 , \"b\"\t:\n[ 2 ,3 ] }", "{\"a\":1,\"b\":[2,3]}",
        "\r\n{ \"a\":1,\"b\":[2 , 3]}\n"})
    void shouldReadTheSameTokensWithOrWithoutWhiteSpace(String json) {
        assertThat(tokens(json)).isEqualTo(tokens("{\"a\":1,\"b\":[2,3]}"));
    }

    /** The first string token's raw text in {@code json} (which starts with it or with a bracket). */
    private static String stringToken(String json) {
        final JsonCursor c = new JsonCursor(16, 256);
        final byte[] b = ("[" + json).getBytes(StandardCharsets.UTF_8);
        c.wrap(b, 0, b.length);
        assertThat(c.next()).isEqualTo(JsonCursor.START_ARRAY);
        assertThat(c.next()).isEqualTo(JsonCursor.STRING);
        final String raw = new String(b, c.tokenStart(), c.tokenLength(), StandardCharsets.UTF_8);
        assertThat(c.tokenEscaped()).isEqualTo(raw.contains("\\"));
        return raw;
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
