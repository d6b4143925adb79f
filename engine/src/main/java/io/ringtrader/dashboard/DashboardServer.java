package io.ringtrader.dashboard;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringtrader.config.HttpConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The dashboard's HTTP server: one Netty event-loop thread ({@code dashboard-http}) serving the page, the JSON
 * API, server-sent events and {@code /metrics}. Read-only (GET only), bound to {@code http.bind} (loopback by
 * default; any other address needs {@code http.token}). Every second it renders one snapshot and pushes it to the
 * subscribed pages, so a thousand browsers cost the engine one render, and the stages nothing: all data comes from
 * views ({@link DashboardSources}).
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DashboardServer.class);
    private static final long PUSH_INTERVAL_MS = 1_000;

    private final EventLoopGroup group;
    private final Channel channel;
    private final ChannelGroup subscribers;
    private final DashboardApi api;
    private final ScheduledFuture<?> pusher;

    private DashboardServer(EventLoopGroup group, Channel channel, ChannelGroup subscribers, DashboardApi api) {
        this.group = group;
        this.channel = channel;
        this.subscribers = subscribers;
        this.api = api;
        this.pusher = group.next().scheduleAtFixedRate(this::push, PUSH_INTERVAL_MS, PUSH_INTERVAL_MS,
            TimeUnit.MILLISECONDS);
    }

    /** Binds {@code config.bind():config.port()} and starts serving {@code sources}; {@code metrics} at /metrics. */
    public static DashboardServer start(HttpConfig config, DashboardSources sources, PrometheusRegistry metrics)
        throws InterruptedException {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("dashboard-http", true), NioIoHandler.newFactory());
        final DashboardApi api = new DashboardApi(sources);
        final StaticResources resources = StaticResources.load();
        final ChannelGroup subscribers = new DefaultChannelGroup("dashboard-sse", group.next());
        try {
            final Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(8192, 16 * 1024, 16 * 1024),
                            new HttpObjectAggregator(64 * 1024),
                            new DashboardHttpHandler(config, api, resources, metrics, subscribers));
                    }
                })
                .bind(new InetSocketAddress(config.bind(), config.port())).sync().channel();
            return new DashboardServer(group, channel, subscribers, api);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The API this server renders (for the session's end). */
    public DashboardApi api() {
        return api;
    }

    /** Pages subscribed to live updates right now. */
    public int subscribers() {
        return subscribers.size();
    }

    private void push() {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            final byte[] json = api.snapshot();
            final byte[] frame = ("event: snapshot\ndata: " + new String(json, StandardCharsets.UTF_8) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
            for (Channel c : subscribers) {
                if (c.isWritable()) {
                    c.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame)))
                        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Dashboard: rendering the live snapshot failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        pusher.cancel(false);
        subscribers.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
