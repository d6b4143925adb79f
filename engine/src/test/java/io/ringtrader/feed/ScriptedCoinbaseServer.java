package io.ringtrader.feed;

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
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.ringtrader.event.Rfc3339;
import java.net.InetSocketAddress;
import io.ringtrader.event.FixedPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real Netty WebSocket server on loopback that speaks Coinbase Advanced Trade (cumulative subscriptions replies,
 * a newest-first snapshot of the last trades per product on every subscribe, batched updates, heartbeats, a
 * per-connection sequence_num), optionally level2 books (an {@code l2_data} snapshot per product on a {@code level2}
 * subscribe, then updates with absolute sizes; on the Exchange protocol a {@code snapshot} per product on a
 * {@code level2_batch} subscribe, then {@code l2update}s), and can be scripted to misbehave: drop the connection
 * abruptly, stall, skip sequence numbers, hold a product's snapshot back, send garbage, reject a product, end the
 * session.
 * Every method may be called from the test thread; the state lives on the server's event loop.
 */
final class ScriptedCoinbaseServer implements AutoCloseable {
    static final int SNAPSHOT_DEPTH = 100;

    /** One subscribe message as received. */
    record Subscribe(int connection, String channel, List<String> products, long msAfterConnect) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean exchange;
    private final SslContext ssl;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Channel server;
    private final List<Subscribe> subscribes = new CopyOnWriteArrayList<>();
    private final Map<String, List<Long>> history = new LinkedHashMap<>();
    /** Per product: trade id to its time in tenths of a second after 03:00 (absent: the id itself). */
    private final Map<String, Map<Long, Long>> tradeTenths = new HashMap<>();
    /** Per product: the level2 book, bids and asks, price to size (fixed point). */
    private final Map<String, TreeMap<Long, Long>> bids = new HashMap<>();
    private final Map<String, TreeMap<Long, Long>> asks = new HashMap<>();
    /** "channel product" pairs whose snapshot waits for {@link #releaseSnapshot}. */
    private final Set<String> held = new HashSet<>();
    private final Set<String> waiting = new HashSet<>();
    private final Map<String, Integer> snapshotBytes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> subscribed = new TreeMap<>();
    private final Set<String> rejected = new HashSet<>();
    private volatile int connections;
    private Channel client;
    private long connectedAtNs;
    private long sequence;
    private long skip;
    private boolean stalled;
    private long clockNs = Rfc3339.parse("2026-01-02T03:00:00Z");

    ScriptedCoinbaseServer(long heartbeatMs) {
        this(heartbeatMs, false);
    }

    /** A server speaking Advanced Trade, or the Exchange feed protocol when {@code exchange}. */
    ScriptedCoinbaseServer(long heartbeatMs, boolean exchange) {
        this(heartbeatMs, exchange, null);
    }

    /** As above, over TLS with {@code ssl} when not null. */
    ScriptedCoinbaseServer(long heartbeatMs, boolean exchange, SslContext ssl) {
        this.exchange = exchange;
        this.ssl = ssl;
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    if (ssl != null) {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketServerProtocolHandler("/", null, false, 1 << 20), new Handler());
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        loop.scheduleAtFixedRate(this::heartbeat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    String url() {
        return (ssl == null ? "ws" : "wss") + "://127.0.0.1:" + port() + "/";
    }

    int connections() {
        return connections;
    }

    List<Subscribe> subscribes() {
        return List.copyOf(subscribes);
    }

    /** Every trade id the server ever printed for {@code product}, oldest first. */
    List<Long> printed(String product) {
        return call(() -> new ArrayList<>(history.getOrDefault(product, List.of())));
    }

    /** Prints {@code n} new trades for {@code product}, sent at once as one update if the client is subscribed. */
    void trades(String product, long firstId, int n) {
        run(() -> {
            final List<Long> ids = history.computeIfAbsent(product, p -> new ArrayList<>());
            final long start = ids.isEmpty() ? firstId : ids.get(ids.size() - 1) + 1;
            final String[] trades = new String[n];
            for (int i = 0; i < n; i++) {
                ids.add(start + i);
                trades[n - 1 - i] = trade(product, start + i);
            }
            if (exchange) {
                if (client != null && !stalled && subscribed.getOrDefault("matches", Set.of()).contains(product)) {
                    for (int i = n - 1; i >= 0; i--) {
                        send(exchangeMatch("match", product, ids.get(ids.size() - 1 - i)));
                    }
                }
            } else if (client != null && !stalled
                && subscribed.getOrDefault("market_trades", Set.of()).contains(product)) {
                send(envelope("market_trades", "[{\"type\":\"update\",\"trades\":[" + String.join(",", trades)
                    + "]}]"));
            }
        });
    }

    /**
     * Prints {@code n} new trades for {@code product} stamped {@code firstTenths}, {@code firstTenths + 1}, ...
     * tenths of a second after 03:00 (ids continue the product's history), sent as one update if subscribed.
     */
    void tradesAt(String product, long firstTenths, int n) {
        run(() -> {
            final List<Long> ids = history.computeIfAbsent(product, p -> new ArrayList<>());
            final long next = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
            for (int i = 0; i < n; i++) {
                tradeTenths.computeIfAbsent(product, p -> new HashMap<>()).put(next + i, firstTenths + i);
            }
        });
        trades(product, 1, n);
    }

    /** Time in tenths of a second after 03:00 of {@code product}'s trade {@code tradeId}. */
    long tenthsOf(String product, long tradeId) {
        return call(() -> tradeTenths.getOrDefault(product, Map.of()).getOrDefault(tradeId, tradeId));
    }

    /** Heartbeats and envelopes are stamped from {@code tenths} tenths of a second after 03:00 on. */
    void clockAt(long tenths) {
        run(() -> clockNs = Rfc3339.parse("2026-01-02T03:00:00Z") + tenths * 100_000_000L);
    }

    /**
     * Sets levels of {@code product}'s book ({@code side} "bid" or "offer", {@code levels} "price:size,...",
     * absolute sizes, 0 deletes), sent as one {@code l2_data} update if the client is subscribed to its level2.
     */
    void book(String product, String side, String levels) {
        run(() -> {
            final TreeMap<Long, Long> book = ("bid".equals(side) ? bids : asks).computeIfAbsent(product,
                p -> new TreeMap<>());
            for (String level : levels.split(",")) {
                final String[] ps = level.split(":");
                final long size = FixedPoint.parse(ps[1]);
                if (size == 0) {
                    book.remove(FixedPoint.parse(ps[0]));
                } else {
                    book.put(FixedPoint.parse(ps[0]), size);
                }
            }
            if (client == null || stalled || !subscribed.getOrDefault(level2Channel(), Set.of()).contains(product)
                || waiting.contains(level2Channel() + " " + product)) {
                return;
            }
            if (exchange) {
                send("{\"type\":\"l2update\",\"product_id\":\"" + product + "\",\"changes\":["
                    + exchangeLevels("bid".equals(side) ? "buy" : "sell", levels) + "],\"time\":\""
                    + Rfc3339.formatMicros(clockNs) + "\"}");
            } else {
                send(envelope("l2_data", "[{\"type\":\"update\",\"product_id\":\"" + product + "\",\"updates\":["
                    + levels(side, levels) + "]}]"));
            }
        });
    }

    private String level2Channel() {
        return exchange ? "level2_batch" : "level2";
    }

    /** Exchange change arrays {@code ["buy", "price", "size"]}. */
    private static String exchangeLevels(String side, String levels) {
        final StringBuilder sb = new StringBuilder();
        for (String l : levels.split(",")) {
            final String[] ps = l.split(":");
            sb.append(sb.length() == 0 ? "" : ",").append("[\"").append(side).append("\",\"")
                .append(FixedPoint.format(FixedPoint.parse(ps[0]))).append("\",\"")
                .append(FixedPoint.format(FixedPoint.parse(ps[1]))).append("\"]");
        }
        return sb.toString();
    }

    /** An Exchange {@code snapshot} of {@code product}'s book: {@code bids} and {@code asks} as [price, size]. */
    private String exchangeSnapshot(String product) {
        final StringBuilder sb = new StringBuilder("{\"type\":\"snapshot\",\"product_id\":\"").append(product)
            .append("\",\"bids\":[");
        for (Map.Entry<Long, Long> e : bids.getOrDefault(product, new TreeMap<>()).descendingMap().entrySet()) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append("[\"").append(FixedPoint.format(e.getKey()))
                .append("\",\"").append(FixedPoint.format(e.getValue())).append("\"]");
        }
        sb.append("],\"asks\":[");
        for (Map.Entry<Long, Long> e : asks.getOrDefault(product, new TreeMap<>()).entrySet()) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append("[\"").append(FixedPoint.format(e.getKey()))
                .append("\",\"").append(FixedPoint.format(e.getValue())).append("\"]");
        }
        return sb.append("]}").toString();
    }

    /** {@code product}'s book side, best first, as {price, size} pairs (fixed point). */
    List<long[]> bookLevels(String product, String side) {
        return call(() -> {
            final TreeMap<Long, Long> book = ("bid".equals(side) ? bids : asks).getOrDefault(product, new TreeMap<>());
            final List<long[]> out = new ArrayList<>();
            for (Map.Entry<Long, Long> e : ("bid".equals(side) ? book.descendingMap() : book).entrySet()) {
                out.add(new long[] {e.getKey(), e.getValue()});
            }
            return out;
        });
    }

    /** Bytes of the last level2 snapshot frame sent for {@code product} (0: none yet). */
    int snapshotBytes(String product) {
        return snapshotBytes.getOrDefault(product, 0);
    }

    /** From the next subscribe on, {@code product}'s snapshot on {@code channel} waits for {@link #releaseSnapshot}. */
    void holdSnapshot(String channel, String product) {
        run(() -> held.add(channel + " " + product));
    }

    /** Sends the held snapshot of {@code product} on {@code channel} now (as the book or history stands). */
    void releaseSnapshot(String channel, String product) {
        run(() -> {
            final String key = channel + " " + product;
            held.remove(key);
            if (waiting.remove(key) && client != null) {
                sendSnapshot(channel, product);
            }
        });
    }

    /** Prints {@code n} trades that are never sent (lost on the way): only heartbeats can reveal them. */
    void silentTrades(String product, int n) {
        run(() -> {
            final List<Long> ids = history.computeIfAbsent(product, p -> new ArrayList<>());
            final long start = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
            for (int i = 0; i < n; i++) {
                ids.add(start + i);
            }
        });
    }

    /** Closes the connection with a TCP reset, no WebSocket close. */
    void dropConnection() {
        run(() -> {
            if (client != null) {
                client.config().setOption(ChannelOption.SO_LINGER, 0);
                client.close();
                client = null;
            }
        });
    }

    /** Keeps the current connection open but sends nothing more on it. */
    void stall() {
        run(() -> stalled = true);
    }

    /** The next frame's sequence_num jumps by {@code n}. */
    void skipSequence(long n) {
        run(() -> skip = n);
    }

    /** Sends text as is (garbage, partial JSON). */
    void sendRaw(String text) {
        run(() -> {
            if (client != null) {
                client.writeAndFlush(new TextWebSocketFrame(text));
            }
        });
    }

    /** Sends {@code text} as one message split into {@code parts} WebSocket fragments. */
    void sendFragmented(String text, int parts) {
        run(() -> {
            if (client == null) {
                return;
            }
            final int step = (text.length() + parts - 1) / parts;
            for (int i = 0; i < parts; i++) {
                final String part = text.substring(Math.min(text.length(), i * step),
                    Math.min(text.length(), (i + 1) * step));
                final boolean last = i == parts - 1;
                client.write(i == 0 ? new TextWebSocketFrame(last, 0, part) : new ContinuationWebSocketFrame(last, 0,
                    part));
            }
            client.flush();
        });
    }

    /** Subscribes naming {@code product} will fail with an error frame. */
    void reject(String product) {
        run(() -> rejected.add(product));
    }

    /** Ends the session the way the built-in exchange does: a close frame 1000 "end of session". */
    void endSession() {
        run(() -> {
            if (client != null) {
                client.writeAndFlush(new CloseWebSocketFrame(1000, "end of session"))
                    .addListener(ChannelFutureListener.CLOSE);
                client = null;
            }
        });
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void heartbeat() {
        if (exchange) {
            if (client != null && !stalled) {
                for (String p : subscribed.getOrDefault("heartbeat", Set.of())) {
                    final List<Long> ids = history.getOrDefault(p, List.of());
                    clockNs += 1_000_000;
                    send("{\"type\":\"heartbeat\",\"last_trade_id\":" + (ids.isEmpty() ? 0 : ids.get(ids.size() - 1))
                        + ",\"product_id\":\"" + p + "\",\"sequence\":" + sequence++ + ",\"time\":\""
                        + Rfc3339.formatMicros(clockNs) + "\"}");
                }
            }
            return;
        }
        if (client != null && !stalled && subscribed.containsKey("heartbeats")) {
            send(envelope("heartbeats", "[{\"current_time\":\"2026-01-02 03:00:00.1 +0000 UTC m=+1.1\","
                + "\"heartbeat_counter\":" + sequence + "}]"));
        }
    }

    private void onSubscribe(Channel ch, JsonNode msg) {
        if (exchange) {
            onExchangeSubscribe(ch, msg);
            return;
        }
        final String channel = msg.path("channel").asText();
        final List<String> products = new ArrayList<>();
        msg.path("product_ids").forEach(p -> products.add(p.asText()));
        subscribes.add(new Subscribe(connections, channel,
            List.copyOf(products), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedAtNs)));
        if (ch != client || stalled) {
            return;
        }
        for (String p : products) {
            if (rejected.contains(p)) {
                ch.writeAndFlush(new TextWebSocketFrame("{\"type\":\"error\",\"message\":\"Failed to subscribe\","
                    + "\"reason\":\"" + p + " is not a valid product\"}"));
                return;
            }
        }
        subscribed.computeIfAbsent(channel, c -> new TreeSet<>()).addAll(products);
        final StringBuilder subs = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : subscribed.entrySet()) {
            subs.append(subs.length() == 0 ? "" : ",").append('"').append(e.getKey()).append("\":[");
            final List<String> names = e.getKey().equals("heartbeats") ? List.of("heartbeats")
                : new ArrayList<>(e.getValue());
            for (int i = 0; i < names.size(); i++) {
                subs.append(i == 0 ? "\"" : ",\"").append(names.get(i)).append('"');
            }
            subs.append(']');
        }
        send(envelope("subscriptions", "[{\"subscriptions\":{" + subs + "}}]"));
        if (channel.equals("market_trades") || channel.equals("level2")) {
            for (String p : products) {
                if (held.contains(channel + " " + p)) {
                    waiting.add(channel + " " + p);
                } else {
                    waiting.remove(channel + " " + p);
                    sendSnapshot(channel, p);
                }
            }
        }
    }

    private void sendSnapshot(String channel, String p) {
        if (channel.equals("level2_batch")) {
            final String frame = exchangeSnapshot(p);
            snapshotBytes.put(p, frame.length());
            send(frame);
            return;
        }
        if (channel.equals("level2")) {
            final StringBuilder levels = new StringBuilder();
            for (Map.Entry<Long, Long> e : bids.getOrDefault(p, new TreeMap<>()).descendingMap().entrySet()) {
                levels.append(levels.length() == 0 ? "" : ",").append(level("bid", e.getKey(), e.getValue()));
            }
            for (Map.Entry<Long, Long> e : asks.getOrDefault(p, new TreeMap<>()).entrySet()) {
                levels.append(levels.length() == 0 ? "" : ",").append(level("offer", e.getKey(), e.getValue()));
            }
            final String frame = envelope("l2_data", "[{\"type\":\"snapshot\",\"product_id\":\"" + p
                + "\",\"updates\":[" + levels + "]}]");
            snapshotBytes.put(p, frame.length());
            send(frame);
            return;
        }
        final List<Long> ids = history.getOrDefault(p, List.of());
        final List<String> trades = new ArrayList<>();
        for (int i = ids.size() - 1; i >= Math.max(0, ids.size() - SNAPSHOT_DEPTH); i--) {
            trades.add(trade(p, ids.get(i)));
        }
        send(envelope("market_trades", "[{\"type\":\"snapshot\",\"trades\":[" + String.join(",", trades)
            + "]}]"));
    }

    private void onUnsubscribe(JsonNode msg) {
        final Set<String> products = subscribed.get(msg.path("channel").asText());
        if (products != null) {
            msg.path("product_ids").forEach(p -> products.remove(p.asText()));
        }
    }

    private String trade(String product, long tradeId) {
        final long tenths = tradeTenths.getOrDefault(product, Map.of()).getOrDefault(tradeId, tradeId);
        return Frames.trade(product, tradeId, Frames.price(tradeId), "0.015", Frames.time(tenths),
            tradeId % 2 == 0 ? "BUY" : "SELL");
    }

    private static String levels(String side, String levels) {
        final StringBuilder sb = new StringBuilder();
        for (String l : levels.split(",")) {
            final String[] ps = l.split(":");
            sb.append(sb.length() == 0 ? "" : ",").append(level(side, FixedPoint.parse(ps[0]),
                FixedPoint.parse(ps[1])));
        }
        return sb.toString();
    }

    private static String level(String side, long priceE8, long sizeE8) {
        return "{\"side\":\"" + side + "\",\"event_time\":\"2026-01-02T03:00:00.1Z\",\"price_level\":\""
            + FixedPoint.format(priceE8) + "\",\"new_quantity\":\"" + FixedPoint.format(sizeE8) + "\"}";
    }

    private void onExchangeSubscribe(Channel ch, JsonNode msg) {
        final List<String> all = new ArrayList<>();
        for (JsonNode c : msg.path("channels")) {
            final List<String> products = new ArrayList<>();
            c.path("product_ids").forEach(p -> products.add(p.asText()));
            all.addAll(products);
            subscribes.add(new Subscribe(connections, c.path("name").asText(), List.copyOf(products),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedAtNs)));
        }
        if (ch != client || stalled) {
            return;
        }
        for (String p : all) {
            if (rejected.contains(p)) {
                ch.writeAndFlush(new TextWebSocketFrame("{\"type\":\"error\",\"message\":\"Failed to subscribe\","
                    + "\"reason\":\"" + p + " is not a valid product\"}"));
                return;
            }
        }
        final StringBuilder reply = new StringBuilder("{\"type\":\"subscriptions\",\"channels\":[");
        for (JsonNode c : msg.path("channels")) {
            final Set<String> set = subscribed.computeIfAbsent(c.path("name").asText(), k -> new TreeSet<>());
            c.path("product_ids").forEach(p -> set.add(p.asText()));
        }
        boolean first = true;
        for (Map.Entry<String, Set<String>> e : subscribed.entrySet()) {
            reply.append(first ? "" : ",").append("{\"name\":\"").append(e.getKey()).append("\",\"product_ids\":")
                .append(mapper.valueToTree(new ArrayList<>(e.getValue())).toString()).append('}');
            first = false;
        }
        send(reply.append("]}").toString());
        for (JsonNode c : msg.path("channels")) {
            if ("level2_batch".equals(c.path("name").asText())) {
                for (JsonNode p : c.path("product_ids")) {
                    final String key = "level2_batch " + p.asText();
                    if (held.contains(key)) {
                        waiting.add(key);
                    } else {
                        waiting.remove(key);
                        sendSnapshot("level2_batch", p.asText());
                    }
                }
            }
        }
        for (String p : subscribed.getOrDefault("matches", Set.of())) {
            final List<Long> ids = history.getOrDefault(p, List.of());
            if (!ids.isEmpty()) {
                send(exchangeMatch("last_match", p, ids.get(ids.size() - 1)));
            }
        }
    }

    private String exchangeMatch(String type, String product, long tradeId) {
        return "{\"type\":\"" + type + "\",\"trade_id\":" + tradeId + ",\"maker_order_id\":\"m\",\"taker_order_id\":"
            + "\"t\",\"side\":\"buy\",\"size\":\"0.25\",\"price\":\"" + Frames.price(tradeId) + "\",\"product_id\":\""
            + product + "\",\"sequence\":" + sequence++ + ",\"time\":\"" + Frames.time(tradeId) + "\"}";
    }

    private String envelope(String channel, String events) {
        clockNs += 1_000_000;
        sequence += skip;
        skip = 0;
        return "{\"channel\":\"" + channel + "\",\"client_id\":\"\",\"timestamp\":\"" + Rfc3339.formatMicros(clockNs)
            + "\",\"sequence_num\":" + sequence++ + ",\"events\":" + events + "}";
    }

    private void send(String frame) {
        client.writeAndFlush(new TextWebSocketFrame(frame));
    }

    private void run(Runnable action) {
        loop.submit(action).syncUninterruptibly();
    }

    private <T> T call(Callable<T> action) {
        return loop.submit(action).syncUninterruptibly().getNow();
    }

    /** Per connection: handshake bookkeeping and subscribe handling. */
    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                client = ctx.channel();
                connections++;
                connectedAtNs = System.nanoTime();
                sequence = 0;
                stalled = false;
                subscribed.clear();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) throws Exception {
            final JsonNode msg = mapper.readTree(frame.text());
            if ("subscribe".equals(msg.path("type").asText())) {
                onSubscribe(ctx.channel(), msg);
            } else if ("unsubscribe".equals(msg.path("type").asText()) && !exchange) {
                onUnsubscribe(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == client) {
                client = null;
            }
        }
    }
}
