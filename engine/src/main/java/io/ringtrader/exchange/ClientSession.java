package io.ringtrader.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.ringtrader.event.Instruments;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client connection of the {@link LoopbackExchange}: handles {@code subscribe}/{@code unsubscribe} messages
 * the way Coinbase Advanced Trade does (one channel per message, cumulative {@code subscriptions} replies, a
 * {@code snapshot} per product on every trades subscribe, error frames naming refused products, a close when no
 * subscribe arrives in time) and writes the frames the {@link MarketPump} hands it with this connection's own
 * {@code sequence_num}. Runs on the exchange's single event loop thread.
 */
final class ClientSession extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** Reason text of the close frame sent when the source ends; clients treat it as end of feed. */
    static final String END_OF_SESSION = "end of session";
    private static final Logger LOG = LogManager.getLogger(ClientSession.class);
    /** Bounds one frame (about 75 KB) however bursty the source; the client's frame limit is far above. */
    private static final int MAX_TRADES_PER_FRAME = 500;

    private final MarketPump pump;
    private final Instruments instruments;
    private final ExchangeOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean[] tradeProducts;
    private final boolean[] bookProducts;
    private final SimEvent scratch = new SimEvent();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> subscribeTimeout;
    private boolean heartbeats;
    private boolean anyTrades;
    private boolean closing;
    private long sequenceNum;

    ClientSession(MarketPump pump, Instruments instruments, ExchangeOptions options) {
        this.pump = pump;
        this.instruments = instruments;
        this.options = options;
        this.tradeProducts = new boolean[instruments.size()];
        this.bookProducts = new boolean[instruments.size()];
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ctx = context;
            if (pump.ended()) {
                closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, END_OF_SESSION);
                return;
            }
            pump.register(this);
            subscribeTimeout = context.executor().schedule(this::subscribeTimedOut, options.subscribeTimeoutMs(),
                TimeUnit.MILLISECONDS);
        }
        super.userEventTriggered(context, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame) || closing) {
            return;
        }
        final String text = ((TextWebSocketFrame) frame).text();
        final JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (Exception e) {
            sendError("Failed to parse message");
            return;
        }
        final String type = message.path("type").asText("");
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            sendError("unknown message type '" + type + "'");
            return;
        }
        final String channel = message.path("channel").asText("");
        if ("heartbeats".equals(channel)) {
            heartbeats = "subscribe".equals(type);
            subscribed();
        } else if ("market_trades".equals(channel)) {
            tradesRequest("subscribe".equals(type), message.path("product_ids"));
        } else if ("level2".equals(channel)) {
            bookRequest("subscribe".equals(type), message.path("product_ids"));
        } else {
            sendError("Failed to subscribe: channel '" + channel + "' is not served by the loopback exchange");
        }
        ctx.flush();
    }

    private void tradesRequest(boolean subscribe, JsonNode productIds) {
        final List<Integer> products = new ArrayList<>();
        boolean refused = false;
        for (JsonNode node : productIds) {
            final String productId = node.asText("");
            final int id = instruments.idOfProduct(productId);
            if (id == Instruments.UNKNOWN || options.rejectedProducts().contains(productId)) {
                sendError("Failed to subscribe: invalid product id " + productId);
                refused = true;
            } else {
                products.add(id);
            }
        }
        if (products.isEmpty() || (refused && options.atomicSubscribe())) {
            if (!refused) {
                sendError("Failed to subscribe: product_ids must name at least one product");
            }
            return;
        }
        if (!subscribe) {
            for (int id : products) {
                tradeProducts[id] = false;
            }
            anyTrades = false;
            for (boolean b : tradeProducts) {
                anyTrades |= b;
            }
            subscribed();
            return;
        }
        pump.tradesSubscribed();
        for (int id : products) {
            tradeProducts[id] = true;
            sendSnapshot(id);
        }
        anyTrades = true;
        subscribed();
    }

    /**
     * A {@code level2} subscribe: a snapshot of each product's book, then its changes (every exchange second from
     * the simulator, as recorded from a tape). A tape without level2 frames accepts the subscribe and sends none; a
     * product whose tape snapshot has not come yet gets it when it comes.
     */
    private void bookRequest(boolean subscribe, JsonNode productIds) {
        final List<Integer> products = new ArrayList<>();
        for (JsonNode node : productIds) {
            final String productId = node.asText("");
            final int id = instruments.idOfProduct(productId);
            if (id == Instruments.UNKNOWN || options.rejectedProducts().contains(productId)) {
                sendError("Failed to subscribe: invalid product id " + productId);
                if (options.atomicSubscribe()) {
                    return;
                }
            } else {
                products.add(id);
            }
        }
        final SimBook book = pump.book();
        final TapeBook tape = pump.tapeBook();
        for (int id : products) {
            bookProducts[id] = subscribe;
            if (subscribe && book != null && book.built()) {
                write(pump.encoder().level2(pump.exchangeNowNs(), sequenceNum++, id, book, true), 0);
            } else if (subscribe && tape != null && tape.known(id)) {
                write(pump.encoder().level2(pump.exchangeNowNs(), sequenceNum++, id, tape, null, true), 0);
            }
        }
        subscribed();
    }

    /** The book's changes over the last second, for the products this connection subscribed to level2. */
    void sendBook(long timestampNs, SimBook book) {
        if (closing) {
            return;
        }
        for (int id = 0; id < bookProducts.length; id++) {
            if (bookProducts[id]) {
                write(pump.encoder().level2(timestampNs, sequenceNum++, id, book, false), 0);
            }
        }
    }

    /** A tape's level2 snapshot or update, if this connection subscribed to the product's level2. */
    void sendTapeLevel2(SimEvent change, TapeBook book) {
        if (!closing && bookProducts[change.instrumentId]) {
            write(pump.encoder().level2(change.timestampNs, sequenceNum++, change.instrumentId, book, change,
                change.snapshot), 0);
        }
    }

    private void sendSnapshot(int product) {
        final AdvancedTradeEncoder encoder = pump.encoder();
        final TradeHistory history = pump.history();
        encoder.begin("market_trades", pump.exchangeNowNs(), sequenceNum++);
        encoder.beginTrades("snapshot");
        final int n = history.size(product);
        for (int age = 0; age < n; age++) {
            history.newest(product, age, scratch);
            encoder.trade(scratch);
        }
        encoder.endTrades();
        write(encoder.end(), 0);
    }

    private void subscribed() {
        if (subscribeTimeout != null) {
            subscribeTimeout.cancel(false);
            subscribeTimeout = null;
        }
        write(pump.encoder().subscriptions(pump.exchangeNowNs(), sequenceNum++, tradeProducts, heartbeats,
            bookProducts), 0);
    }

    /** Sends the trades of {@code batch} this connection subscribed to, as one {@code update} frame. */
    void sendUpdate(long timestampNs, List<SimEvent> batch, int size) {
        if (!anyTrades || closing) {
            return;
        }
        final AdvancedTradeEncoder encoder = pump.encoder();
        int count = 0;
        for (int i = 0; i < size; i++) {
            final SimEvent t = batch.get(i);
            if (tradeProducts[t.instrumentId]) {
                if (count == MAX_TRADES_PER_FRAME) {
                    encoder.endTrades();
                    write(encoder.end(), count);
                    count = 0;
                }
                if (count == 0) {
                    encoder.begin("market_trades", timestampNs, sequenceNum++);
                    encoder.beginTrades("update");
                }
                encoder.trade(t);
                count++;
            }
        }
        if (count > 0) {
            encoder.endTrades();
            write(encoder.end(), count);
        }
    }

    void sendHeartbeat(long timestampNs, long counter, long monotonicNs) {
        if (heartbeats && !closing) {
            write(pump.encoder().heartbeat(timestampNs, sequenceNum++, counter, monotonicNs), 0);
        }
    }

    /** The source ended: after the last frame, a close frame 1000 "end of session". */
    void endOfSession() {
        closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, END_OF_SESSION);
    }

    boolean subscribedToTrades() {
        return anyTrades && !closing;
    }

    /** False only for a subscribed connection whose outbound buffer is above the high water mark. */
    boolean writableOrIdle() {
        return closing || (!anyTrades && !heartbeats) || ctx.channel().isWritable();
    }

    void flush() {
        if (ctx != null) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (context.channel().isWritable()) {
            pump.schedule();
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        closing = true;
        if (subscribeTimeout != null) {
            subscribeTimeout.cancel(false);
        }
        if (ctx != null) {
            pump.unregister(this);
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.warn("loopback exchange connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
        context.close();
    }

    private void subscribeTimedOut() {
        subscribeTimeout = null;
        LOG.info("closing {}: no subscribe within {} ms", ctx.channel().remoteAddress(), options.subscribeTimeoutMs());
        closeWith(WebSocketCloseStatus.POLICY_VIOLATION, "no subscribe within " + options.subscribeTimeoutMs() + " ms");
    }

    private void sendError(String message) {
        ctx.write(new TextWebSocketFrame(ByteBufUtil.writeAscii(ctx.alloc(), pump.encoder().error(message))));
    }

    private void write(CharSequence text, int trades) {
        ctx.write(new TextWebSocketFrame(ByteBufUtil.writeAscii(ctx.alloc(), text)));
        pump.countFrame(trades);
    }

    private void closeWith(WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        // the protocol handler closes the socket when the client answers, or after its force-close timeout
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason));
    }
}
