package io.ringtrader.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The smallest Chrome DevTools protocol client the browser tests need: attach to the page headless Chromium opened
 * (its debugging port on loopback, read from the profile's {@code DevToolsActivePort}) and evaluate script in it.
 * One test thread calls it; replies arrive on the HTTP client's thread and are matched by request id.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REPLY_S = 30;
    private final WebSocket socket;
    private final ConcurrentHashMap<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private int nextId;

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** Waits (at most {@code deadlineMs}) for the browser's debugging port and its page, then connects. */
    static DevTools attach(Path activePortFile, long deadlineMs) throws IOException, InterruptedException {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        while (System.nanoTime() - deadline < 0) {
            final String page = pageSocket(http, activePortFile);
            if (page != null) {
                final Listener listener = new Listener();
                final DevTools tools = new DevTools(join(http.newWebSocketBuilder()
                    .buildAsync(URI.create(page), listener)));
                listener.owner = tools;
                return tools;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("chromium opened no DevTools page within " + deadlineMs + " ms");
    }

    /** The page target's WebSocket address, or null while the browser is still starting. */
    private static String pageSocket(HttpClient http, Path activePortFile) throws InterruptedException {
        try {
            final List<String> lines = Files.exists(activePortFile) ? Files.readAllLines(activePortFile) : List.of();
            if (lines.size() < 2) {
                return null;
            }
            final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + lines.get(0).trim() + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(r.body())) {
                if ("page".equals(target.path("type").asText())) {
                    return target.get("webSocketDebuggerUrl").asText();
                }
            }
            return null;
        } catch (IOException notYet) {
            return null;
        }
    }

    /** The value of {@code expression} in the page, as text (null when it is undefined). */
    String evaluate(String expression) throws InterruptedException {
        final int id = ++nextId;
        final CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        final ObjectNode call = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        call.putObject("params").put("expression", expression).put("returnByValue", true);
        join(socket.sendText(call.toString(), true));
        final JsonNode result = join(reply).path("result").path("result");
        return result.has("value") ? result.get("value").asText() : null;
    }

    private static <T> T join(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get(REPLY_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the DevTools connection failed", e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins a reply's text frames and completes the call waiting on its id; events are ignored. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    final JsonNode message = JSON.readTree(text.toString());
                    final CompletableFuture<JsonNode> call = message.has("id") && owner != null
                        ? owner.pending.remove(message.get("id").asInt()) : null;
                    if (call != null) {
                        call.complete(message);
                    }
                } catch (IOException e) {
                    throw new AssertionError("DevTools sent malformed JSON", e);
                } finally {
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
