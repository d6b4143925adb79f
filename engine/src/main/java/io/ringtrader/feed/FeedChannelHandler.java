package io.ringtrader.feed;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a feed connection's pipeline: hands text messages, close frames, handshake completion, TLS
 * handshake failures and disconnects to the {@link FeedClient}, and keeps every exception inside (nothing escapes
 * into Netty). Runs on the feed's I/O thread; one instance per connection.
 */
final class FeedChannelHandler extends ChannelInboundHandlerAdapter {
    private final FeedClient client;

    FeedChannelHandler(FeedClient client) {
        this.client = client;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            client.onHandshake(ctx.channel());
        } else if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            client.onTlsFailure(ctx.channel(), tls.cause());
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            RejectLog.LOG.warn("WebSocket handshake timed out: reconnecting");
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                client.onText(ctx.channel(), text.content());
            } else if (msg instanceof CloseWebSocketFrame close) {
                client.onCloseFrame(ctx.channel(), close.statusCode(), close.reasonText());
            } else {
                client.onOtherFrame(msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.onInactive(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.onException(ctx.channel(), cause);
    }
}
