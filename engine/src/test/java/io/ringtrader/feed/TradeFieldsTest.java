package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TradeFieldsTest {

    /** {@code is} compares whole words where it can: every length and a difference at every position, in a frame. */
    @Test
    void shouldCompareBytesOfEveryLengthAndFindADifferenceAtEveryPosition() {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz";
        for (int length = 0; length <= alphabet.length(); length++) {
            final byte[] expected = alphabet.substring(0, length).getBytes(StandardCharsets.US_ASCII);
            final byte[] frame = ("{\"" + alphabet.substring(0, length) + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertThat(TradeFields.is(frame, 2, length, expected)).as("length %d", length).isTrue();
            if (length > 0) {
                assertThat(TradeFields.is(frame, 2, length - 1, expected)).as("shorter, %d", length).isFalse();
            }
            for (int at = 0; at < length; at++) {
                final byte[] changed = frame.clone();
                changed[2 + at] = 'Z';
                assertThat(TradeFields.is(changed, 2, length, expected)).as("length %d, at %d", length, at).isFalse();
            }
        }
    }
}
