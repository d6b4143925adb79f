package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.event.Instruments;
import java.io.InputStream;
import java.security.KeyStore;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedEndpointTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"ws://example.com/", "ws://10.0.0.1:9000/", "ws://128.0.0.1/", "ws://[::2]:80/",
        "http://127.0.0.1/", "wss:///nohost", "ftp://localhost/"})
    void shouldRefuseAnythingButWssOrLoopbackWs(String url) {
        assertThatThrownBy(() -> FeedEndpoint.parse(url)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("feed.url:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws://127.0.0.1:8080/", "ws://127.1.2.3/", "ws://localhost:1/", "ws://[::1]:9/"})
    void shouldAcceptPlainWsOnLoopback(String url) {
        assertThat(FeedEndpoint.parse(url).tls()).isFalse();
    }

    @Test
    void shouldUseTlsOnPort443ForCoinbase() {
        final FeedEndpoint endpoint = FeedEndpoint.parse("wss://advanced-trade-ws.coinbase.com");
        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.port()).isEqualTo(443);
        assertThat(endpoint.host()).isEqualTo("advanced-trade-ws.coinbase.com");
    }

    @Test
    void shouldNeverResolveNamesToDecideLoopback() {
        assertThat(FeedEndpoint.isLoopback("localhost.evil.example")).isFalse();
        assertThat(FeedEndpoint.isLoopback("LOCALHOST")).isTrue();
    }

    @Test
    void shouldConnectOverTlsWhenTheCertificateIsTrustedAndNamesTheHost() throws Exception {
        try (ScriptedCoinbaseServer server = new ScriptedCoinbaseServer(100, false, serverSsl("tls-loopback.p12"))) {
            final TestRing ring = new TestRing(1 << 10, 1);
            try (FeedClient client = client(server, ring, trust("tls-loopback.p12"))) {
                client.start();
                awaitTrue(() -> client.stats().state() == FeedStats.State.SUBSCRIBED);
                server.trades("BTC-USD", 1, 3);
                awaitTrue(() -> ring.trades().size() == 3);
            }
        }
    }

    @Test
    void shouldRefuseASelfSignedCertificateWithOneErrorSayingUntrustedPerAttempt() throws Exception {
        try (ScriptedCoinbaseServer server = new ScriptedCoinbaseServer(100, false, serverSsl("tls-loopback.p12"));
             LogCapture log = new LogCapture()) {
            final TestRing ring = new TestRing(1 << 10, 1);
            try (FeedClient client = client(server, ring, null)) {
                client.start();
                awaitTrue(() -> client.stats().reconnects() >= 2);
                assertThat(client.stats().connects()).isZero();
                assertThat(server.connections()).isZero();
            }
            assertRefusedOncePerAttempt(log, server, TlsFailure.UNTRUSTED);
        }
    }

    @Test
    void shouldRefuseATrustedCertificateForAnotherHost() throws Exception {
        try (ScriptedCoinbaseServer server = new ScriptedCoinbaseServer(100, false,
            serverSsl("tls-wrong-host.p12"))) {
            final TestRing ring = new TestRing(1 << 10, 1);
            try (LogCapture log = new LogCapture()) {
                try (FeedClient client = client(server, ring, trust("tls-wrong-host.p12"))) {
                    client.start();
                    awaitTrue(() -> client.stats().reconnects() >= 2);
                    assertThat(client.stats().connects()).isZero();
                    assertThat(server.connections()).isZero();
                }
                assertRefusedOncePerAttempt(log, server, TlsFailure.WRONG_HOST);
            }
        }
    }

    /**
     * Each failed attempt logs exactly one ERROR naming the endpoint and the reason, then backs off (the attempt
     * count keeps growing: nothing resets it before a subscription), and no WARN repeats the JDK's exception.
     */
    private static void assertRefusedOncePerAttempt(LogCapture log, ScriptedCoinbaseServer server, String reason)
        throws InterruptedException {
        awaitTrue(() -> log.lines().stream().filter(l -> l.startsWith("INFO reconnecting in")).count() >= 2);
        final List<String> lines = log.lines();
        final List<String> errors = lines.stream().filter(l -> l.startsWith("ERROR")).toList();
        final long attempts = lines.stream().filter(l -> l.startsWith("INFO connecting to")).count();
        assertThat(errors).as(String.join("\n", lines)).isNotEmpty().allMatch(l -> l.equals("ERROR TLS connection to "
            + server.url() + " refused: " + reason + "; reconnecting with back-off"));
        assertThat((long) errors.size()).isBetween(attempts - 1, attempts);
        assertThat(lines).anyMatch(l -> l.startsWith("INFO reconnecting in") && l.endsWith("(attempt 2)"));
        assertThat(lines).noneMatch(l -> l.startsWith("WARN") && l.contains("SSL"));
    }

    private static FeedClient client(ScriptedCoinbaseServer server, TestRing ring, TrustManagerFactory trust) {
        final FeedConfig config = FeedClientTest.config(server.url(), 5_000, 0.1);
        return new FeedClient(config, Instruments.of(List.of("BTC"), "USD"), ring.publisher, System::nanoTime, 1,
            FeedEndpoint.parse(server.url(), trust));
    }

    private static KeyStore keyStore(String name) throws Exception {
        final KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = FeedEndpointTest.class.getResourceAsStream("/feed/" + name)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static SslContext serverSsl(String name) throws Exception {
        final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(name), PASSWORD);
        return SslContextBuilder.forServer(kmf).build();
    }

    /** Trusts exactly the test certificate in {@code name}. */
    private static TrustManagerFactory trust(String name) throws Exception {
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("test", keyStore(name).getCertificate("server"));
        final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        return tmf;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
