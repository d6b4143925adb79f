package io.ringtrader.feed;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Says in a few words why a TLS connection was refused, from the exception chain Netty reports (the JDK's own
 * message is a long "PKIX path building failed: ..." that does not say it plainly). Stateless; any thread.
 */
final class TlsFailure {
    static final String UNTRUSTED = "untrusted certificate (no trusted authority signed it: self-signed, or a CA"
        + " missing from the trust store)";
    static final String EXPIRED = "expired certificate";
    static final String NOT_YET_VALID = "certificate not yet valid (check this machine's clock)";
    static final String REVOKED = "revoked certificate";
    static final String WRONG_HOST = "wrong host name (the certificate does not name this host)";
    private static final int MAX_CAUSES = 16;

    private TlsFailure() {
    }

    /** The reason when {@code error} or one of its causes is a TLS or certificate failure; null otherwise. */
    static String reason(Throwable error) {
        String best = null;
        int rank = 0;
        Throwable innermost = null;
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException
                || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
                innermost = t;
            }
            final String found = classify(t);
            final int r = rank(found);
            if (r > rank) {
                best = found;
                rank = r;
            }
        }
        if (best != null) {
            return best;
        }
        return innermost == null ? null : "handshake failed: " + RejectLog.escape(String.valueOf(
            innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage()));
    }

    /** {@link #reason} for a handshake Netty reported failed, also when the cause is not TLS (a closed channel). */
    static String describe(Throwable error) {
        final String reason = reason(error);
        return reason != null ? reason : "handshake failed: " + RejectLog.escape(String.valueOf(error));
    }

    private static String classify(Throwable t) {
        if (t instanceof CertificateExpiredException) {
            return EXPIRED;
        }
        if (t instanceof CertificateNotYetValidException) {
            return NOT_YET_VALID;
        }
        if (t instanceof CertPathValidatorException v) {
            if (v.getReason() == BasicReason.EXPIRED) {
                return EXPIRED;
            }
            if (v.getReason() == BasicReason.NOT_YET_VALID) {
                return NOT_YET_VALID;
            }
            return v.getReason() == BasicReason.REVOKED ? REVOKED : UNTRUSTED;
        }
        if ((t instanceof CertificateException || t instanceof SSLException) && namesHostMismatch(t.getMessage())) {
            return WRONG_HOST;
        }
        return t instanceof CertPathBuilderException ? UNTRUSTED : null;
    }

    /** The JDK's host name checker: "No subject alternative DNS name matching ...", "No name matching ...". */
    private static boolean namesHostMismatch(String message) {
        return message != null && (message.contains("No subject alternative") || message.contains("No name matching"));
    }

    /** A validity problem says more than "untrusted" (an expired chain also fails path validation). */
    private static int rank(String reason) {
        if (reason == null) {
            return 0;
        }
        return UNTRUSTED.equals(reason) ? 1 : 2;
    }
}
