package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class TlsFailureTest {
    /** The chain the JDK and Netty build: DecoderException(SSLHandshakeException(cause)). */
    private static Throwable handshake(String message, Throwable cause) {
        final SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return new DecoderException(e);
    }

    @Test
    void shouldCallAnUnknownIssuerUntrusted() {
        final Throwable e = handshake("PKIX path building failed", new CertPathBuilderException(
            "unable to find valid certification path to requested target"));
        assertThat(TlsFailure.reason(e)).isEqualTo(TlsFailure.UNTRUSTED).contains("untrusted");
        assertThat(TlsFailure.reason(handshake("PKIX path validation failed",
            new CertPathValidatorException("signature check failed")))).isEqualTo(TlsFailure.UNTRUSTED);
    }

    @Test
    void shouldCallAnExpiredChainExpiredNotUntrusted() {
        final CertPathValidatorException validity = new CertPathValidatorException("validity check failed",
            new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"), null, -1, BasicReason.EXPIRED);
        assertThat(TlsFailure.reason(handshake("PKIX path validation failed", validity))).isEqualTo(TlsFailure.EXPIRED);
        assertThat(TlsFailure.reason(new CertificateExpiredException())).contains("expired");
        assertThat(TlsFailure.reason(handshake("x", new CertificateNotYetValidException()))).contains("not yet valid");
        assertThat(TlsFailure.reason(handshake("x", new CertPathValidatorException("revoked", null, null, -1,
            BasicReason.REVOKED)))).isEqualTo(TlsFailure.REVOKED);
    }

    @Test
    void shouldCallAHostNameMismatchWrongHost() {
        assertThat(TlsFailure.reason(handshake("No subject alternative names present",
            new CertificateException("No subject alternative names present")))).isEqualTo(TlsFailure.WRONG_HOST);
        assertThat(TlsFailure.reason(new CertificateException("No subject alternative DNS name matching"
            + " advanced-trade-ws.coinbase.com found."))).contains("wrong host");
        assertThat(TlsFailure.reason(new CertificateException("No name matching localhost found")))
            .isEqualTo(TlsFailure.WRONG_HOST);
        assertThat(TlsFailure.reason(new SSLPeerUnverifiedException("No subject alternative names matching IP"
            + " address 127.0.0.1 found"))).isEqualTo(TlsFailure.WRONG_HOST);
    }

    @Test
    void shouldQuoteTheJdkForOtherHandshakeFailuresEscapedAndBounded() {
        assertThat(TlsFailure.reason(new DecoderException(new SSLHandshakeException(
            "Received fatal alert: protocol_version")))).isEqualTo("handshake failed: Received fatal alert:"
            + " protocol_version");
        assertThat(TlsFailure.reason(new SSLHandshakeException("line\nbreak " + "x".repeat(500))))
            .doesNotContain("\n").hasSizeLessThan(220);
    }

    @Test
    void shouldIgnoreFailuresThatAreNotTls() {
        assertThat(TlsFailure.reason(new IOException("Connection reset by peer"))).isNull();
        assertThat(TlsFailure.reason(new DecoderException(new IllegalStateException("bad frame")))).isNull();
        assertThat(TlsFailure.describe(new ClosedChannelException())).startsWith("handshake failed: ")
            .contains("ClosedChannelException");
    }

    @Test
    void shouldStopOnACauseCycle() {
        final Exception a = new Exception("a");
        final Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(TlsFailure.reason(a)).isNull();
    }
}
