package io.ringtrader.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ringtrader.event.FixedPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.ZipInputStream;

/**
 * A loopback stand-in for Coinbase's public candles endpoint: serves Lean's real minute bars of Coinbase pairs in
 * the documented shape ({@code {"candles":[{"start":"..","low":"..",...}]}}, strings, newest first, at most 350
 * per request, 400 beyond), with faults scripted per request number: 429 with Retry-After, 500, truncated JSON,
 * an empty page, duplicated candles, shuffled order, and dying after a given number of requests.
 */
public final class RestCandlesServer implements AutoCloseable {
    /** A fault for one request (by 1-based request number). */
    enum Fault { NONE, RATE_LIMIT, SERVER_ERROR, TRUNCATED, EMPTY, DUPLICATES, SHUFFLED }

    /** Lean bars by product: start (UNIX s) -> {open, high, low, close, volume} in E8. */
    private final Map<String, TreeMap<Long, long[]>> bars = new HashMap<>();
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** When each request arrived (System.nanoTime), in arrival order. */
    private final List<Long> arrivalsNs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private volatile IntFunction<Fault> faults = n -> Fault.NONE;
    private volatile int dieAfter = Integer.MAX_VALUE;

    public RestCandlesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v3/brokerage/market/products/", this::handle);
        server.start();
    }

    /** Adds Lean's minute file {@code /lean/minute/{sym}usd/{yyyymmdd}_trade.zip} for {@code product}. */
    public RestCandlesServer serve(String product, String day) throws IOException {
        bars.computeIfAbsent(product, p -> new TreeMap<>()).putAll(lean(product, day));
        return this;
    }

    /** Lean's bars of one product-day, by start in UNIX seconds. */
    public static TreeMap<Long, long[]> lean(String product, String day) throws IOException {
        final String name = "/lean/minute/" + product.replace("-", "").toLowerCase(java.util.Locale.ROOT) + "/" + day
            + "_trade.zip";
        final Path zip;
        try {
            zip = Path.of(RestCandlesServer.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        final long dayStartS = LocalDate.parse(day, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        final TreeMap<Long, long[]> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            in.getNextEntry();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final String[] f = line.trim().split(",");
                final long[] bar = new long[5];
                for (int i = 0; i < 5; i++) {
                    bar[i] = FixedPoint.parse(f[i + 1]);
                }
                out.put(dayStartS + Long.parseLong(f[0]) / 1000, bar);
            }
        }
        return out;
    }

    /**
     * Runs the stand-in until killed, for trying {@code download} by hand (the README example):
     * {@code java -cp engine.jar:test-classes io.ringtrader.history.RestCandlesServer BTC-USD=20180404,20180405};
     * prints its URL.
     */
    public static void main(String[] args) throws Exception {
        final RestCandlesServer server = new RestCandlesServer();
        for (String arg : args) {
            final String[] productDays = arg.split("=", 2);
            for (String day : productDays[1].split(",")) {
                server.serve(productDays[0], day);
            }
        }
        System.out.println(server.url());
        Thread.currentThread().join();
    }

    void faults(IntFunction<Fault> script) {
        this.faults = script;
    }

    /** After {@code n} requests the server stops (connections refused from then on). */
    void dieAfter(int n) {
        this.dieAfter = n;
    }

    public int requests() {
        return requests.get();
    }

    /** Arrival times of the requests so far (System.nanoTime), in order. */
    List<Long> arrivalsNs() {
        return List.copyOf(arrivalsNs);
    }

    List<String> queries() {
        return List.copyOf(queries);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivalsNs.add(System.nanoTime());
        final int n = requests.incrementAndGet();
        if (n > dieAfter) {
            exchange.close();
            new Thread(() -> server.stop(0)).start();
            return;
        }
        final String path = exchange.getRequestURI().getPath();
        final String product = path.substring("/api/v3/brokerage/market/products/".length(),
            path.length() - "/candles".length());
        final Map<String, String> q = new HashMap<>();
        for (String kv : exchange.getRequestURI().getRawQuery().split("&")) {
            final int eq = kv.indexOf('=');
            q.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        queries.add(product + " " + q.get("start") + ".." + q.get("end"));
        final Fault fault = faults.apply(n);
        if (fault == Fault.RATE_LIMIT) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"message\":\"too many requests\"}");
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            send(exchange, 500, "{\"message\":\"internal\"}");
            return;
        }
        final long start = Long.parseLong(q.get("start"));
        final long end = Long.parseLong(q.get("end"));
        if (!"ONE_MINUTE".equals(q.get("granularity")) || end < start || (end - start) / 60 + 1 > 350
            || !bars.containsKey(product)) {
            send(exchange, 400, "{\"error\":\"INVALID_ARGUMENT\"}");
            return;
        }
        final List<String> items = new ArrayList<>();
        if (fault != Fault.EMPTY) {
            final NavigableMap<Long, long[]> range = bars.get(product).subMap(start, true, end, true)
                .descendingMap();
            range.forEach((s, b) -> items.add(candle(s, b)));
        }
        if (fault == Fault.DUPLICATES && items.size() > 2) {
            items.add(1, items.get(0));
            items.add(items.get(items.size() - 1));
        }
        if (fault == Fault.SHUFFLED) {
            Collections.shuffle(items, new Random(n));
        }
        final String body = "{\"candles\":[" + String.join(",", items) + "]}";
        send(exchange, 200, fault == Fault.TRUNCATED ? body.substring(0, body.length() / 2) : body);
    }

    private static String candle(long start, long[] b) {
        return "{\"start\":\"" + start + "\",\"low\":\"" + FixedPoint.format(b[2]) + "\",\"high\":\""
            + FixedPoint.format(b[1]) + "\",\"open\":\"" + FixedPoint.format(b[0]) + "\",\"close\":\""
            + FixedPoint.format(b[3]) + "\",\"volume\":\"" + FixedPoint.format(b[4]) + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
