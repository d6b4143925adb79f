package io.ringtrader.dashboard;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringtrader.config.HttpConfig;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.metrics.MetricsEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;

/**
 * Routes one HTTP request of the dashboard: only GET (anything else: 405), the token when one is configured
 * (missing or wrong: 401), and without a token only loopback {@code Host} names (403 otherwise, so a web page
 * cannot read the API through DNS rebinding). Runs on the dashboard's event-loop thread.
 */
final class DashboardHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    private final HttpConfig config;
    private final DashboardApi api;
    private final StaticResources resources;
    private final PrometheusRegistry metrics;
    private final ChannelGroup subscribers;
    private final byte[] token;

    DashboardHttpHandler(HttpConfig config, DashboardApi api, StaticResources resources, PrometheusRegistry metrics,
                         ChannelGroup subscribers) {
        this.config = config;
        this.api = api;
        this.resources = resources;
        this.metrics = metrics;
        this.subscribers = subscribers;
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            send(ctx, request, plain(HttpResponseStatus.BAD_REQUEST, "bad request\n"), false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            final FullHttpResponse r = plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "read-only: only GET\n");
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            send(ctx, request, r, false);
            return;
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (config.tokenRequired() && !authorized(request, uri)) {
            final FullHttpResponse r = plain(HttpResponseStatus.UNAUTHORIZED, "a token is required\n");
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            send(ctx, request, r, false);
            return;
        }
        if (!config.tokenRequired() && !loopbackHost(request.headers().get(HttpHeaderNames.HOST))) {
            send(ctx, request, plain(HttpResponseStatus.FORBIDDEN, "only loopback host names without a token\n"),
                false);
            return;
        }
        try {
            route(ctx, request, uri, keepAlive);
        } catch (IllegalArgumentException e) {
            send(ctx, request, plain(HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n"), keepAlive);
        } catch (RuntimeException e) {
            LogManager.getLogger(DashboardHttpHandler.class).warn("Dashboard: {} failed: {}", uri.path(),
                e.toString());
            send(ctx, request, plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n"), false);
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri,
                       boolean keepAlive) throws IllegalArgumentException {
        final String path = uri.path();
        switch (path) {
            case "/api/status" -> send(ctx, request, json(api.status()), keepAlive);
            case "/api/positions" -> send(ctx, request, json(api.positions()), keepAlive);
            case "/api/orders" -> send(ctx, request, json(api.orders()), keepAlive);
            case "/api/signals" -> send(ctx, request, json(api.signals()), keepAlive);
            case "/api/snapshot" -> send(ctx, request, json(api.snapshot()), keepAlive);
            case "/api/strategies" -> send(ctx, request, json(api.strategies()), keepAlive);
            case "/api/trades" -> send(ctx, request, json(api.trades(time(uri, "since", Long.MIN_VALUE),
                param(uri, "symbol"))), keepAlive);
            case "/api/candles" -> {
                final String symbol = param(uri, "symbol");
                if (symbol == null) {
                    throw new IllegalArgumentException("symbol is required, e.g. /api/candles?symbol=BTC");
                }
                final int id = api.instrumentId(symbol.toUpperCase(Locale.ROOT));
                if (id < 0) {
                    throw new IllegalArgumentException("unknown symbol '" + symbol + "'");
                }
                final long[] range = range(uri);
                send(ctx, request, json(api.candles(id, range[0], range[1])), keepAlive);
            }
            case "/api/equity" -> {
                final long[] range = range(uri);
                send(ctx, request, json(api.equity(range[0], range[1])), keepAlive);
            }
            case "/api/events" -> subscribe(ctx);
            case "/metrics" -> {
                try {
                    send(ctx, request, response(HttpResponseStatus.OK, MetricsEndpoint.scrapeText(metrics),
                        "text/plain; version=0.0.4; charset=utf-8"), keepAlive);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            default -> {
                final StaticResources.Resource file = resources.get(path);
                if (file == null) {
                    send(ctx, request, plain(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n"), keepAlive);
                } else {
                    send(ctx, request, response(HttpResponseStatus.OK, file.bytes(), file.contentType()), keepAlive);
                }
            }
        }
    }

    /** Server-sent events: headers now, then one {@code snapshot} event per second from the server's pusher. */
    private void subscribe(ChannelHandlerContext ctx) {
        final HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
            .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
            .set("X-Content-Type-Options", "nosniff");
        ctx.writeAndFlush(r);
        final byte[] first = ("retry: 2000\nevent: snapshot\ndata: "
            + new String(api.snapshot(), StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);
        ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultHttpContent(Unpooled.wrappedBuffer(first)));
        subscribers.add(ctx.channel());
    }

    private boolean authorized(FullHttpRequest request, QueryStringDecoder uri) {
        final String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        String given = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = header.substring(7).trim();
        } else {
            given = param(uri, "token");
        }
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /** True for 127.x.x.x, localhost and [::1] (with or without a port). */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            final int end = name.indexOf(']');
            return end > 0 && "::1".equals(name.substring(1, end));
        }
        final int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return "localhost".equals(name) || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private long[] range(QueryStringDecoder uri) {
        final long newest = api.newestCandleNs();
        final long to = time(uri, "to", newest == Long.MIN_VALUE ? Long.MAX_VALUE : newest + 60_000_000_000L);
        final long hours = (long) (Double.parseDouble(paramOr(uri, "hours", "6")) * 3_600_000_000_000L);
        final long from = time(uri, "from", to == Long.MAX_VALUE ? Long.MIN_VALUE : to - hours);
        return new long[] {from, to};
    }

    /** A time parameter: RFC 3339 ({@code 2026-01-05T06:00:00Z}) or epoch milliseconds. */
    private static long time(QueryStringDecoder uri, String name, long otherwise) {
        final String text = param(uri, name);
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        if (text.matches("-?\\d{1,15}")) {
            return Long.parseLong(text) * 1_000_000L;
        }
        final long ns = Rfc3339.parse(text);
        if (ns == Rfc3339.INVALID) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 time or epoch milliseconds, got '"
                + text + "'");
        }
        return ns;
    }

    private static String param(QueryStringDecoder uri, String name) {
        final List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String paramOr(QueryStringDecoder uri, String name, String otherwise) {
        final String v = param(uri, name);
        return v == null ? otherwise : v;
    }

    private static FullHttpResponse json(byte[] body) {
        return response(HttpResponseStatus.OK, body, JSON);
    }

    private static FullHttpResponse plain(HttpResponseStatus status, String text) {
        return response(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String type) {
        final FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
            .set("X-Content-Type-Options", "nosniff")
            .set("Content-Security-Policy", CSP);
        return r;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response,
                             boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
