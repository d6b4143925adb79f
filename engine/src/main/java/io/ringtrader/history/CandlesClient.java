package io.ringtrader.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fetches one page of 1-minute candles from the public REST endpoint, paced under the rate limit (request starts at
 * least {@code 1 / requestsPerSecond} apart) and retried on 429, 5xx, malformed bodies and transport errors with
 * capped exponential back-off and jitter; a {@code Retry-After} in seconds is honoured. Any other status (400, 404:
 * an unknown product) fails at once. Not thread-safe: one downloader thread.
 */
final class CandlesClient {
    private static final Logger LOG = LogManager.getLogger(CandlesClient.class);
    /** The longest {@code Retry-After} obeyed; a larger one is capped (a misbehaving proxy must not park us). */
    private static final long RETRY_AFTER_CAP_MS = 120_000;

    /** Pacing and retry settings. */
    record Settings(double requestsPerSecond, int maxAttempts, long backoffBaseMs, long backoffMaxMs,
                    Duration requestTimeout) {
        /** The defaults: 8 requests/s (Coinbase allows 10 public requests/s per IP), 8 attempts, 0.5 s..30 s. */
        static Settings defaults(double requestsPerSecond) {
            return new Settings(requestsPerSecond, 8, 500, 30_000, Duration.ofSeconds(30));
        }
    }

    private final URI api;
    private final Settings settings;
    private final HttpClient http;
    private final long intervalNs;
    private long nextRequestNs = System.nanoTime();
    private long requests;
    private long retries;
    private long throttled;
    private long serverErrors;
    private long malformed;
    private long transportErrors;
    private long rejectedCandles;

    CandlesClient(URI api, Settings settings) {
        this.api = api;
        this.settings = settings;
        this.intervalNs = (long) (1e9 / settings.requestsPerSecond());
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Candles of {@code productId} starting in [startS, endS] (UNIX seconds), as the endpoint returns them. */
    CandlesPage fetch(String productId, long startS, long endS) throws IOException, InterruptedException {
        final URI uri = URI.create(api + "/api/v3/brokerage/market/products/" + productId
            + "/candles?start=" + startS + "&end=" + endS + "&granularity=ONE_MINUTE");
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
            .header("Accept", "application/json").GET().build();
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            pace();
            requests++;
            long waitMs = backoffMs(attempt);
            try {
                final HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                final int status = response.statusCode();
                if (status == 200) {
                    final CandlesPage page = CandlesPage.decode(response.body());
                    rejectedCandles += page.rejected();
                    return page;
                }
                if (status == 429) {
                    throttled++;
                    waitMs = retryAfterMs(response, waitMs);
                    lastProblem = "HTTP 429 (rate limited)";
                } else if (status >= 500) {
                    serverErrors++;
                    waitMs = retryAfterMs(response, waitMs);
                    lastProblem = "HTTP " + status;
                } else {
                    throw new RestRefusedException(productId + ": the candles endpoint answered HTTP " + status
                        + ": " + snippet(response.body()));
                }
            } catch (RestRefusedException e) {
                throw e;
            } catch (MalformedPageException e) {
                malformed++;
                lastProblem = "malformed response: " + e.getMessage();
            } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                transportErrors++;
                lastProblem = e.toString();
            } catch (IOException e) {
                transportErrors++;
                lastProblem = e.toString();
            }
            if (attempt >= settings.maxAttempts()) {
                throw new IOException(productId + " " + startS + ".." + endS + ": gave up after " + attempt
                    + " attempts; last: " + lastProblem);
            }
            retries++;
            LOG.warn("Candles {} {}..{}: {}; retry {} in {} ms", productId, startS, endS, lastProblem, attempt,
                waitMs);
            TimeUnit.MILLISECONDS.sleep(waitMs);
        }
    }

    private void pace() {
        long now;
        while ((now = System.nanoTime()) - nextRequestNs < 0) {
            LockSupport.parkNanos(nextRequestNs - now);
        }
        nextRequestNs = now + intervalNs;
    }

    private long backoffMs(int attempt) {
        final long exp = settings.backoffBaseMs() << Math.min(20, attempt - 1);
        final long capped = Math.min(settings.backoffMaxMs(), exp);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private static long retryAfterMs(HttpResponse<?> response, long fallbackMs) {
        final String value = response.headers().firstValue("Retry-After").orElse("").trim();
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return fallbackMs; // absent, or an HTTP-date: our own back-off
        }
        return Math.min(RETRY_AFTER_CAP_MS, Long.parseLong(value) * 1000);
    }

    private static String snippet(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        final String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("${", "$\\{");
    }

    long requests() {
        return requests;
    }

    long retries() {
        return retries;
    }

    long throttled() {
        return throttled;
    }

    long serverErrors() {
        return serverErrors;
    }

    long malformed() {
        return malformed;
    }

    long transportErrors() {
        return transportErrors;
    }

    long rejectedCandles() {
        return rejectedCandles;
    }
}
