package io.ringtrader.exchange;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.event.Instruments;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The built-in exchange: a WebSocket server on 127.0.0.1 (a free port) that speaks Coinbase Advanced Trade
 * ({@code market_trades}, {@code heartbeats}, {@code level2}) over a {@link MarketSource} (the simulator or a
 * tape), so the real feed client runs unchanged offline. When the source ends every connection gets a close frame 1000
 * {@code "end of session"} and {@link #sessionEnded()} completes.
 *
 * <p>Threading: one dedicated event loop thread ({@code loopback-exchange}) serves all connections and drives the
 * source, so the source must not be used by anyone else after construction. {@link #start()} and {@link #close()}
 * may be called from any thread; the counters may be read from any thread.
 */
public final class LoopbackExchange implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LoopbackExchange.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Instruments instruments;
    private final ExchangeOptions options;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final MarketPump pump;
    private Channel serverChannel;
    private int port;

    /** Prepares the exchange; nothing listens before {@link #start()}. */
    public LoopbackExchange(Instruments instruments, MarketSource source, ExchangeOptions options) {
        this.instruments = instruments;
        this.options = options;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("loopback-exchange", true),
            NioIoHandler.newFactory());
        this.loop = group.next();
        this.pump = new MarketPump(loop, instruments, source, options);
    }

    /** Binds 127.0.0.1 on a free port and returns it. */
    public synchronized int start() throws InterruptedException {
        if (serverChannel != null) {
            return port;
        }
        loop.submit(pump::prime).syncUninterruptibly();
        final WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/")
            .checkStartsWith(true)
            .handleCloseFrames(true)
            // after our close frame, wait for the client's reply (RFC 6455) but not for ever
            .forceCloseTimeoutMillis(2_000)
            .maxFramePayloadLength(MAX_REQUEST_BYTES)
            .build();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group, group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                        new WebSocketServerProtocolHandler(wsConfig),
                        new ClientSession(pump, instruments, options));
                }
            });
        serverChannel = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("loopback exchange listening on {} (speed {})", url(), options.speed());
        return port;
    }

    /** {@code ws://127.0.0.1:PORT} once started. */
    public String url() {
        return "ws://127.0.0.1:" + port;
    }

    /** The port, 0 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** Completes on the exchange thread when the source has ended and the "end of session" closes are queued. */
    public CompletableFuture<Void> sessionEnded() {
        return pump.sessionEnded();
    }

    /** Envelope frames written to all connections (snapshots, updates, heartbeats, subscriptions). */
    public long framesSent() {
        return pump.framesSent;
    }

    /** Trades written in {@code update} frames, summed over connections. */
    public long tradesSent() {
        return pump.tradesSent;
    }

    /** Trades pulled from the source so far. */
    public long sourceTrades() {
        return pump.sourceTrades;
    }

    /** Connections currently open (handshake done). */
    public int clients() {
        return pump.clients;
    }

    /** Stops listening, closes every connection and the source's thread. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (!loop.isShuttingDown()) {
            loop.submit(pump::shutdown).syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
