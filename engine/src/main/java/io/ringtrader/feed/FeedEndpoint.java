package io.ringtrader.feed;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.ringtrader.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A validated feed URL and the pipeline to reach it: TLS with SNI and hostname verification for {@code wss://};
 * plain {@code ws://} only to a loopback host (the built-in exchange, tests). Immutable.
 */
final class FeedEndpoint {
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final URI uri;
    private final String host;
    private final int port;
    private final SslContext ssl;

    private FeedEndpoint(URI uri, String host, int port, SslContext ssl) {
        this.uri = uri;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
    }

    /** Parses and checks {@code url}; a {@link ConfigException} on {@code feed.url} says what is wrong. */
    static FeedEndpoint parse(String url) {
        return parse(url, null);
    }

    /** As {@link #parse(String)}, trusting {@code trust} instead of the JDK's CA certificates when not null. */
    static FeedEndpoint parse(String url, TrustManagerFactory trust) {
        final URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException("feed.url", "is not a URL: " + RejectLog.escape(url));
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        final String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ConfigException("feed.url", "has no host: " + RejectLog.escape(url));
        }
        if ("wss".equals(scheme)) {
            final int port = uri.getPort() > 0 ? uri.getPort() : 443;
            try {
                final SslContext ssl = SslContextBuilder.forClient().trustManager(trust)
                    .endpointIdentificationAlgorithm("HTTPS").build();
                return new FeedEndpoint(uri, host, port, ssl);
            } catch (SSLException e) {
                throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
            }
        }
        if ("ws".equals(scheme)) {
            if (!isLoopback(host)) {
                throw new ConfigException("feed.url", "plain ws:// is allowed only for a loopback host (127.0.0.0/8,"
                    + " localhost, ::1); use wss:// for " + RejectLog.escape(host));
            }
            return new FeedEndpoint(uri, host, uri.getPort() > 0 ? uri.getPort() : 80, null);
        }
        throw new ConfigException("feed.url", "must start with wss:// (or ws:// on loopback), got "
            + RejectLog.escape(url));
    }

    /** True for localhost and loopback IP literals (no name is resolved). */
    static boolean isLoopback(String host) {
        final String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        final byte[] address = NetUtil.createByteArrayFromIpAddressString(h);
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean tls() {
        return ssl != null;
    }

    /** Builds a connection's pipeline, ending with {@code last}. */
    void initPipeline(SocketChannel ch, int maxFrameBytes, ChannelHandler last) {
        final ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            final SslHandler handler = ssl.newHandler(ch.alloc(), host, port); // SNI
            final SSLParameters params = handler.engine().getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            handler.engine().setSSLParameters(params);
            p.addLast(handler);
        }
        p.addLast(new HttpClientCodec());
        p.addLast(new HttpObjectAggregator(64 * 1024));
        p.addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(maxFrameBytes)
            .handleCloseFrames(false)
            .dropPongFrames(true)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MS)
            .build()));
        p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
        p.addLast(last);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
