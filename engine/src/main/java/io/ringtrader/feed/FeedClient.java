package io.ringtrader.feed;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.RingPublisher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The Coinbase market-data client: one Netty I/O thread connects (TLS for {@code wss://}), subscribes, decodes
 * frames straight into the ring as its single producer for the client's whole life, watches for silence,
 * reconnects with back-off, and pauses reading instead of blocking when the ring is nearly full. {@link #start()}
 * and {@link #close()} may be called from any thread; everything else runs on the I/O thread.
 */
public final class FeedClient implements AutoCloseable {
    private static final long STATS_LOG_INTERVAL_S = 60;
    private static final long REJECT_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);

    private final FeedConfig config;
    private final RingPublisher publisher;
    private final LongSupplier nanoClock;
    private final FeedEndpoint endpoint;
    private final FeedStats stats = new FeedStats();
    private final Subscriptions subscriptions;
    private final TradeSink sink;
    private final FeedDecoder decoder;
    private final Level2Books books;
    private final FrameChannel frameChannel;
    private final Runnable resubscribeBooks = this::resubscribeBooks;
    private boolean booksResubscribePending;
    private final Backoff backoff;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final byte[] frameBytes;
    private final long idleTimeoutNs;
    private final ReadThrottle throttle;
    private final Runnable connectTask = this::connect;
    private final Runnable watchdog = this::checkIdle;
    private final ChannelFutureListener connectListener = this::onConnectDone;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closing;
    private Channel channel;
    private Channel tlsRefused;
    private boolean subscribed;
    private boolean ended;
    private long lastFrameNs;

    /**
     * Continues after a restart: trades in {@code resume} (rebuilt from the journal) count as already published.
     * Call before {@link #start()}.
     */
    public FeedClient resumeFrom(FeedResume resume) {
        if (started.get()) {
            throw new IllegalStateException("resumeFrom must be called before start");
        }
        sink.resumeFrom(resume);
        return this;
    }

    /** A client for {@code config}, publishing trades of {@code instruments} through {@code publisher}. */
    public FeedClient(FeedConfig config, Instruments instruments, RingPublisher publisher) {
        this(config, instruments, publisher, System::nanoTime, System.nanoTime());
    }

    /** As above with an injected monotonic clock and back-off jitter seed (tests). */
    public FeedClient(FeedConfig config, Instruments instruments, RingPublisher publisher, LongSupplier nanoClock,
                      long jitterSeed) {
        this(config, instruments, publisher, nanoClock, jitterSeed, FeedEndpoint.parse(config.effectiveUrl()));
    }

    /** As above with an explicit endpoint (tests: a TLS endpoint trusting a test certificate). */
    FeedClient(FeedConfig config, Instruments instruments, RingPublisher publisher, LongSupplier nanoClock,
               long jitterSeed, FeedEndpoint endpoint) {
        this.config = config;
        this.publisher = publisher;
        this.nanoClock = nanoClock;
        this.endpoint = endpoint;
        this.subscriptions = new Subscriptions(config.protocol(), instruments, config.level2().enabled());
        this.sink = new TradeSink(publisher, stats, instruments.size(), config.dedupWindow(),
            config.maxFrameBytes() / 64 + 1);
        final RejectLog rejects = new RejectLog(stats, nanoClock, REJECT_LOG_INTERVAL_NS);
        this.books = config.level2().enabled()
            ? new Level2Books(instruments.size(), config.level2().maxLevels(), publisher) : null;
        this.decoder = new FeedParts(instruments, publisher, sink, stats, rejects, new Control(), books)
            .decoder(config.protocol());
        this.backoff = new Backoff(config.reconnectInitialMs(), config.reconnectMaxMs(), jitterSeed);
        this.frameBytes = new byte[config.transportFrameBytes()];
        this.frameChannel = new FrameChannel(config.protocol());
        this.idleTimeoutNs = TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs());
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("feed-io", true),
            NioIoHandler.newFactory());
        this.loop = group.next();
        this.throttle = new ReadThrottle(publisher, stats, loop, nanoClock, config.pauseReadFreeFraction());
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    endpoint.initPipeline(ch, config.transportFrameBytes(), new FeedChannelHandler(FeedClient.this));
                }
            });
    }

    /**
     * Checks {@code url} as the client will (scheme, host, {@code ws://} only on loopback) without connecting, so a
     * refused endpoint stops the engine before it creates anything; a {@link io.ringtrader.config.ConfigException}
     * on {@code feed.url} says what is wrong.
     */
    public static void checkEndpoint(String url) {
        FeedEndpoint.parse(url);
    }

    /** Connects asynchronously and returns at once; the client then reconnects by itself until closed. */
    public void start() {
        if (started.getAndSet(true) || closing) {
            return;
        }
        loop.execute(connectTask);
        final long checkMs = Math.max(10, config.idleTimeoutMs() / 4);
        loop.scheduleAtFixedRate(watchdog, checkMs, checkMs, TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(this::logStats, STATS_LOG_INTERVAL_S, STATS_LOG_INTERVAL_S, TimeUnit.SECONDS);
    }

    /** Counters, readable from any thread. */
    public FeedStats stats() {
        return stats;
    }

    /** The level2 books (counters readable, stale, from any thread), or null when level2 is off. */
    public Level2Books books() {
        return books;
    }

    /** Stops for good: no reconnect, closes the connection, shuts the I/O thread down (bounded wait). */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
            }
        });
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!loop.inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        stats.state(FeedStats.State.CLOSED);
        RejectLog.LOG.info("feed closed: {}", stats.summary());
        if (books != null) {
            RejectLog.LOG.info("feed closed: {}", books.summary());
        }
    }

    // ---- everything below runs on the I/O thread ----

    private void connect() {
        if (closing || ended) {
            return;
        }
        stats.state(FeedStats.State.CONNECTING);
        RejectLog.LOG.info("connecting to {} ({})", endpoint, config.protocol());
        bootstrap.connect(endpoint.host(), endpoint.port()).addListener(connectListener);
    }

    private void onConnectDone(ChannelFuture future) {
        if (!future.isSuccess()) {
            RejectLog.LOG.warn("cannot connect to {}: {}", endpoint, String.valueOf(future.cause()));
            scheduleReconnect();
        }
    }

    void onHandshake(Channel ch) {
        if (closing) {
            ch.close();
            return;
        }
        channel = ch;
        subscribed = false;
        lastFrameNs = nanoClock.getAsLong();
        decoder.connectionStarted();
        stats.connected();
        stats.state(FeedStats.State.CONNECTED);
        publisher.publishStatus(FeedStatus.CONNECTED, sink.lastExchangeNs(), lastFrameNs);
        RejectLog.LOG.info("connected to {}; subscribing {}", endpoint, subscriptions.activeProducts());
        sendSubscribes(ch);
    }

    private void sendSubscribes(Channel ch) {
        if (subscriptions.activeProducts().isEmpty()) {
            RejectLog.LOG.error("no products left to subscribe: every configured product was rejected");
            return;
        }
        final List<String> messages = subscriptions.messages();
        for (int i = 0; i < messages.size(); i++) {
            final long delayMs = i * config.subscribePaceMs();
            if (delayMs == 0) {
                ch.writeAndFlush(new TextWebSocketFrame(messages.get(i)));
            } else {
                final int index = i;
                loop.schedule(() -> {
                    // built when sent: a product rejected meanwhile is left out
                    if (ch == channel && ch.isActive() && !subscriptions.activeProducts().isEmpty()) {
                        ch.writeAndFlush(new TextWebSocketFrame(subscriptions.messages().get(index)));
                    }
                }, delayMs, TimeUnit.MILLISECONDS);
            }
        }
    }

    void onText(Channel ch, ByteBuf content) {
        if (ch != channel) {
            return;
        }
        final long now = nanoClock.getAsLong();
        lastFrameNs = now;
        stats.frame();
        final int length = content.readableBytes();
        try {
            if (length > frameBytes.length) {
                stats.reject(RejectReason.BAD_FRAME);
            } else {
                final byte[] bytes;
                final int offset;
                if (content.hasArray()) {
                    bytes = content.array();
                    offset = content.arrayOffset() + content.readerIndex();
                } else {
                    content.getBytes(content.readerIndex(), frameBytes, 0, length);
                    bytes = frameBytes;
                    offset = 0;
                }
                if (length > config.maxFrameBytes() && !frameChannel.isLevel2(bytes, offset, length)) {
                    // the cap is per channel: only level2 messages (snapshots) may exceed feed.max_frame_bytes
                    stats.reject(RejectReason.BAD_FRAME);
                } else {
                    decoder.decode(bytes, offset, length, now);
                }
            }
        } catch (RuntimeException e) {
            // a decoder bug must not kill the connection or reach Netty: count it and go on
            stats.reject(RejectReason.MALFORMED_JSON);
            RejectLog.LOG.error("decoder failed on a frame", e);
        }
        throttle.afterFrame(ch, now);
    }

    void onCloseFrame(Channel ch, int status, String reason) {
        if (status == 1000 && "end of session".equals(reason)) {
            ended = true;
            stats.state(FeedStats.State.ENDED);
            publisher.publishStatus(FeedStatus.END_OF_FEED, sink.lastExchangeNs(), nanoClock.getAsLong());
            RejectLog.LOG.info("server ended the session: end of feed, not reconnecting");
        } else {
            RejectLog.LOG.warn("server closed the connection ({} {}): reconnecting", status,
                RejectLog.escape(String.valueOf(reason)));
        }
        ch.close();
    }

    void onOtherFrame(Object frame) {
        if (!(frame instanceof io.netty.handler.codec.http.websocketx.PongWebSocketFrame)) {
            stats.reject(RejectReason.BAD_FRAME);
        }
    }

    void onException(Channel ch, Throwable cause) {
        if (TlsFailure.reason(cause) != null) {
            onTlsFailure(ch, cause);
            return;
        }
        if (cause instanceof TooLongFrameException) {
            // a fragmented message grew past the cap: the aggregator dropped it, the connection is still good
            stats.reject(RejectReason.BAD_FRAME);
            RejectLog.LOG.warn("message above feed.max_frame_bytes ({}) dropped", config.maxFrameBytes());
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException) {
            stats.reject(RejectReason.BAD_FRAME); // oversized or invalid frame: Netty closes with 1009/1002
        }
        RejectLog.LOG.warn("connection error, reconnecting: {}", RejectLog.escape(String.valueOf(cause)));
        ch.close();
    }

    /**
     * A refused TLS connection: one ERROR per connection attempt saying why (Netty reports a failed handshake both
     * as an exception and as an event), then the close reconnects with back-off.
     */
    void onTlsFailure(Channel ch, Throwable cause) {
        if (ch != tlsRefused) {
            tlsRefused = ch;
            RejectLog.LOG.error("TLS connection to {} refused: {}; reconnecting with back-off", endpoint,
                TlsFailure.describe(cause));
        }
        ch.close();
    }

    void onInactive(Channel ch) {
        if (ch != channel) {
            if (channel == null && !closing && !ended) {
                scheduleReconnect(); // closed before the handshake completed
            }
            return;
        }
        channel = null;
        throttle.connectionLost();
        publisher.publishStatus(FeedStatus.DISCONNECTED, sink.lastExchangeNs(), nanoClock.getAsLong());
        if (closing || ended) {
            return;
        }
        RejectLog.LOG.warn("disconnected from {}", endpoint);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closing || ended) {
            return;
        }
        stats.reconnect();
        stats.state(FeedStats.State.BACKING_OFF);
        final long delayMs = backoff.nextDelayMs();
        RejectLog.LOG.info("reconnecting in {} ms (attempt {})", delayMs, backoff.attempts());
        loop.schedule(connectTask, delayMs, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        final Channel ch = channel;
        final long now = nanoClock.getAsLong();
        if (throttle.paused()) {
            lastFrameNs = now; // the silence is ours while reading is paused
            return;
        }
        if (ch != null && now - lastFrameNs > idleTimeoutNs) {
            RejectLog.LOG.warn("no data for {} ms (heartbeats included): reconnecting", config.idleTimeoutMs());
            ch.close();
        }
    }

    private void logStats() {
        RejectLog.LOG.info(stats.summary());
        if (books != null) {
            RejectLog.LOG.info(books.summary());
        }
    }

    /** The books were lost on a live connection: unsubscribe and subscribe level2 again for fresh snapshots. */
    private void onBooksLost() {
        if (books == null || booksResubscribePending || channel == null) {
            return;
        }
        booksResubscribePending = true;
        loop.schedule(resubscribeBooks, Math.max(1, config.subscribePaceMs()), TimeUnit.MILLISECONDS);
    }

    private void resubscribeBooks() {
        booksResubscribePending = false;
        final Channel ch = channel;
        if (ch == null || !ch.isActive() || subscriptions.activeProducts().isEmpty()) {
            return;
        }
        RejectLog.LOG.warn("level2 books lost (sequence gap or broken level2 message): resubscribing level2");
        stats.booksResubscribed();
        final List<String> messages = subscriptions.level2Resubscribe();
        ch.writeAndFlush(new TextWebSocketFrame(messages.get(0)));
        loop.schedule(() -> {
            if (ch == channel && ch.isActive()) {
                ch.writeAndFlush(new TextWebSocketFrame(messages.get(1)));
            }
        }, Math.max(1, config.subscribePaceMs()), TimeUnit.MILLISECONDS);
    }

    private void onSubscribed(long timestampNs, long receivedNs) {
        if (!subscribed) {
            subscribed = true;
            backoff.reset();
            stats.state(FeedStats.State.SUBSCRIBED);
            publisher.publishStatus(FeedStatus.SUBSCRIBED, timestampNs > 0 ? timestampNs : sink.lastExchangeNs(),
                receivedNs);
            RejectLog.LOG.info("subscribed: {}", subscriptions.activeProducts());
        }
    }

    private void onErrorFrame(String text) {
        final List<String> dropped = subscriptions.dropNamedIn(text);
        if (dropped.isEmpty()) {
            RejectLog.LOG.error("Coinbase error: {}", RejectLog.escape(text));
            return;
        }
        for (String product : dropped) {
            stats.productRejected();
            RejectLog.LOG.error("Coinbase rejected product {} ({}): dropped, the other products go on (MATIC was "
                + "renamed POL in 2024; check the configured symbols)", product, RejectLog.escape(text));
        }
        if (channel != null) {
            sendSubscribes(channel);
        }
    }

    /** What the decoder reports, kept off the public API. */
    private final class Control implements FeedControl {
        @Override
        public void onSubscribed(long timestampNs, long receivedNs) {
            FeedClient.this.onSubscribed(timestampNs, receivedNs);
        }

        @Override
        public void onErrorFrame(String text) {
            FeedClient.this.onErrorFrame(text);
        }

        @Override
        public void onBooksLost() {
            FeedClient.this.onBooksLost();
        }
    }
}
