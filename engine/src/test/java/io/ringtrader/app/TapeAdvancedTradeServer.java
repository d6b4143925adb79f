package io.ringtrader.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.exchange.LeanBarsToTape;
import io.ringtrader.exchange.LeanBarsToTape.TapeTrade;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A loopback Coinbase Advanced Trade server that streams a trade tape as fast as the client reads it, and
 * misbehaves on purpose: the market has {@code preOpenTrades} trades before the first connection (so the first
 * snapshot carries real trades), the first connection is reset (TCP RST, no close frame) after
 * {@code dropAfterUpdates} update frames, {@code missedWhileDown} trades happen while the client is away, every
 * (re)subscribe gets a snapshot of the last 100 trades newest first (so it repeats trades the client already has),
 * three garbage frames ({@code {not json}, an unknown channel, a NaN price carrying the next real trade's id}) arrive
 * mid-stream on each connection, and heartbeats follow the tape's time. When the tape is done it sends a heartbeat at
 * {@code endHeartbeatNs} and closes with 1000 "end of session". State lives on the server's one event loop thread.
 */
final class TapeAdvancedTradeServer implements AutoCloseable {
    static final int SNAPSHOT_DEPTH = 100;
    private static final int TRADES_PER_UPDATE = 25;
    private static final int HEARTBEAT_EVERY_UPDATES = 8;
    private static final int GARBAGE_AFTER_UPDATES = 40;
    private static final int UPDATES_PER_RUN = 64;
    /** Before the reset, give the client time to read what was flushed, so the reset itself loses little. */
    private static final long DROP_PAUSE_MS = 300;

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Channel server;
    private final List<TapeTrade> tape;
    private final int dropAfterUpdates;
    private final int missedWhileDown;
    private final long endHeartbeatNs;
    /** 0: stream as fast as the client reads; else one update frame per this many microseconds. */
    private long updateIntervalMicros;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private Channel client;
    private boolean tradesSubscribed;
    private boolean heartbeatsSubscribed;
    private boolean runScheduled;
    private boolean finished;
    private boolean dropPending;
    private int next;
    private int updatesOnConnection;
    private long sequenceNum;
    private long lastTimeNs;
    private volatile int connections;
    private volatile int snapshotRepeats;
    private volatile int garbageFrames;
    private volatile int drops;

    TapeAdvancedTradeServer(List<TapeTrade> tape, int preOpenTrades, int dropAfterUpdates, int missedWhileDown,
                            long endHeartbeatNs) {
        if (missedWhileDown >= SNAPSHOT_DEPTH) {
            throw new IllegalArgumentException("trades missed while down must fit in one snapshot");
        }
        this.tape = tape;
        this.next = preOpenTrades;
        this.dropAfterUpdates = dropAfterUpdates;
        this.missedWhileDown = missedWhileDown;
        this.endHeartbeatNs = endHeartbeatNs;
        this.lastTimeNs = tape.get(Math.max(0, preOpenTrades - 1)).timeNs();
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketServerProtocolHandler("/", null, false, 1 << 20), new Handler());
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    /** Paces the stream (one update frame every {@code micros}) so that a session lasts long enough to kill it. */
    TapeAdvancedTradeServer paced(long micros) {
        this.updateIntervalMicros = micros;
        return this;
    }

    String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Completes when the whole tape, the last heartbeat and the end-of-session close were written. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    int connections() {
        return connections;
    }

    /** Trades sent again in snapshots although the client had them already. */
    int snapshotRepeats() {
        return snapshotRepeats;
    }

    int garbageFrames() {
        return garbageFrames;
    }

    int drops() {
        return drops;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---- event loop thread only below ----

    private void onSubscribe(Channel ch, JsonNode msg) {
        if (ch != client) {
            return;
        }
        final String channel = msg.path("channel").asText();
        if ("heartbeats".equals(channel)) {
            heartbeatsSubscribed = true;
            schedule();
        } else if ("market_trades".equals(channel)) {
            tradesSubscribed = true;
        } else {
            ch.writeAndFlush(new TextWebSocketFrame("{\"type\":\"error\",\"message\":\"Failed to subscribe\"}"));
            return;
        }
        final StringBuilder subs = new StringBuilder("[{\"subscriptions\":{");
        if (tradesSubscribed) {
            subs.append("\"market_trades\":[\"BTC-USD\"]");
        }
        if (heartbeatsSubscribed) {
            subs.append(tradesSubscribed ? "," : "").append("\"heartbeats\":[\"heartbeats\"]");
        }
        send(envelope("subscriptions", lastTimeNs, subs.append("}}]").toString()));
        if ("market_trades".equals(channel)) {
            final StringBuilder trades = new StringBuilder();
            final int oldest = Math.max(0, next - SNAPSHOT_DEPTH);
            for (int i = next - 1; i >= oldest; i--) {
                trades.append(i == next - 1 ? "" : ",").append(LeanBarsToTape.toJson(tape.get(i)));
            }
            if (connections > 1) {
                snapshotRepeats = next - oldest - missedWhileDown;
            }
            send(envelope("market_trades", lastTimeNs, "[{\"type\":\"snapshot\",\"trades\":[" + trades + "]}]"));
            schedule();
        }
        ch.flush();
    }

    private void schedule() {
        if (!runScheduled) {
            runScheduled = true;
            if (updateIntervalMicros > 0) {
                loop.schedule(this::pump, updateIntervalMicros, TimeUnit.MICROSECONDS);
            } else {
                loop.execute(this::pump);
            }
        }
    }

    private void pump() {
        runScheduled = false;
        final Channel ch = client;
        if (ch == null || !tradesSubscribed || dropPending) {
            return;
        }
        if (finished) {
            if (heartbeatsSubscribed) {
                finish(ch); // a client that connects after the end is told so at once
            }
            return;
        }
        final int runs = updateIntervalMicros > 0 ? 1 : UPDATES_PER_RUN;
        for (int run = 0; run < runs; run++) {
            if (!ch.isWritable()) {
                ch.flush();
                return; // channelWritabilityChanged schedules the next run
            }
            if (next >= tape.size()) {
                if (heartbeatsSubscribed) {
                    finish(ch);
                } // else the heartbeats subscribe (paced after the trades one) schedules the end
                ch.flush();
                return;
            }
            sendUpdate();
            updatesOnConnection++;
            if (updatesOnConnection % HEARTBEAT_EVERY_UPDATES == 0 && heartbeatsSubscribed) {
                send(envelope("heartbeats", lastTimeNs, heartbeatEvent(lastTimeNs)));
            }
            if (updatesOnConnection == GARBAGE_AFTER_UPDATES && next < tape.size()) {
                sendGarbage();
            }
            if (connections == 1 && updatesOnConnection == dropAfterUpdates) {
                ch.flush();
                dropPending = true;
                loop.schedule(() -> drop(ch), DROP_PAUSE_MS, TimeUnit.MILLISECONDS);
                return;
            }
        }
        ch.flush();
        schedule();
    }

    private void sendUpdate() {
        final int n = Math.min(TRADES_PER_UPDATE, tape.size() - next);
        final StringBuilder trades = new StringBuilder(n * 160);
        for (int i = next + n - 1; i >= next; i--) { // Coinbase lists the newest trade first
            trades.append(i == next + n - 1 ? "" : ",").append(LeanBarsToTape.toJson(tape.get(i)));
        }
        next += n;
        lastTimeNs = tape.get(next - 1).timeNs();
        send(envelope("market_trades", lastTimeNs, "[{\"type\":\"update\",\"trades\":[" + trades + "]}]"));
    }

    private void sendGarbage() {
        final TapeTrade upcoming = tape.get(next);
        client.write(new TextWebSocketFrame("{not json"));
        send(envelope("level2", lastTimeNs, "[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":[]}]"));
        send(envelope("market_trades", lastTimeNs, "[{\"type\":\"update\",\"trades\":[{\"trade_id\":\""
            + upcoming.tradeId() + "\",\"product_id\":\"BTC-USD\",\"price\":\"NaN\",\"size\":\"1\",\"side\":\"BUY\","
            + "\"time\":\"" + Rfc3339.formatMicros(upcoming.timeNs()) + "\"}]}]"));
        garbageFrames += 3;
    }

    /** An abrupt drop: TCP reset, no close frame; the market goes on without the client. */
    private void drop(Channel ch) {
        if (ch != client) {
            return;
        }
        dropPending = false;
        ch.config().setOption(ChannelOption.SO_LINGER, 0);
        ch.close();
        client = null;
        drops++;
        next = Math.min(tape.size(), next + missedWhileDown);
        lastTimeNs = tape.get(next - 1).timeNs();
    }

    private void finish(Channel ch) {
        finished = true;
        send(envelope("heartbeats", endHeartbeatNs, heartbeatEvent(endHeartbeatNs)));
        ch.writeAndFlush(new CloseWebSocketFrame(1000, "end of session")).addListener(ChannelFutureListener.CLOSE)
            .addListener(f -> ended.complete(null));
    }

    private String heartbeatEvent(long timeNs) {
        return "[{\"current_time\":\"" + Rfc3339.formatMicros(timeNs).replace('T', ' ').replace("Z", " +0000 UTC")
            + "\",\"heartbeat_counter\":" + sequenceNum + "}]";
    }

    private String envelope(String channel, long timeNs, String events) {
        return "{\"channel\":\"" + channel + "\",\"client_id\":\"\",\"timestamp\":\"" + Rfc3339.formatMicros(timeNs)
            + "\",\"sequence_num\":" + sequenceNum++ + ",\"events\":" + events + "}";
    }

    private void send(String frame) {
        client.write(new TextWebSocketFrame(frame));
    }

    /** Per connection: handshake, subscribes, back-pressure. */
    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                client = ctx.channel();
                connections++;
                sequenceNum = 0;
                updatesOnConnection = 0;
                tradesSubscribed = false;
                heartbeatsSubscribed = false;
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
            final JsonNode msg = mapper.readTree(frame.text());
            if ("subscribe".equals(msg.path("type").asText())) {
                onSubscribe(ctx.channel(), msg);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel() == client && ctx.channel().isWritable()) {
                schedule();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == client) {
                client = null;
            }
        }
    }
}
