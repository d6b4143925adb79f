package io.ringtrader.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket test client (JDK HttpClient): queues every text frame as JSON and records the close. */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    /** Status and reason of the server's close frame. */
    record Close(int status, String reason) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean reading;

    private WsTestClient(String url, boolean reading) {
        this.reading = reading;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    static WsTestClient connect(String url) {
        return new WsTestClient(url, true);
    }

    /** A client that reads nothing until {@link #resume()}: its socket buffers fill and the server must stop. */
    static WsTestClient connectPaused(String url) {
        return new WsTestClient(url, false);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(MAPPER.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void resume() {
        reading = true;
        socket.request(1);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void subscribe(String channel, String... products) {
        final StringBuilder sb = new StringBuilder("{\"type\":\"subscribe\",\"product_ids\":[");
        for (int i = 0; i < products.length; i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(products[i]).append('"');
        }
        send(sb.append("],\"channel\":\"").append(channel).append("\"}").toString());
    }

    /** The next frame, waiting up to 10 s; fails the test on timeout. */
    JsonNode next() throws InterruptedException {
        final JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return frame;
    }

    /** The next frame if one arrives within {@code ms}, else null. */
    JsonNode poll(long ms) throws InterruptedException {
        return frames.poll(ms, TimeUnit.MILLISECONDS);
    }

    CompletableFuture<Close> closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
