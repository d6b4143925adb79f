package io.ringtrader.feed;

/**
 * Why the feed refused a frame or a trade. Each reason has its own counter in {@link FeedStats} and its own
 * rate-limited log line; {@link #logged()} is false for what Coinbase legitimately sends and the feed merely
 * ignores (new channels and message types appear without notice).
 */
public enum RejectReason {
    /** Not valid JSON (syntax error, bad literal, control character in a string). */
    MALFORMED_JSON(true),
    /** The JSON text ends before its root value does. */
    TRUNCATED_JSON(true),
    /** Nesting deeper than the decoder allows. */
    TOO_DEEP(true),
    /** A string or number longer than any legitimate field. */
    STRING_TOO_LONG(true),
    /** A WebSocket message above {@code feed.max_frame_bytes}, or a binary frame. */
    BAD_FRAME(true),
    /** A required field is absent or has the wrong JSON type. */
    MISSING_FIELD(true),
    /** Price not a positive plain decimal with at most 8 fractional digits that fits in E8. */
    BAD_PRICE(true),
    /** Size not a positive plain decimal with at most 8 fractional digits that fits in E8. */
    BAD_SIZE(true),
    /** Unparseable RFC 3339 time. */
    BAD_TIME(true),
    /** Trade id not a non-negative integer (as a number or a string of digits). */
    BAD_TRADE_ID(true),
    /** A product the engine is not configured for. */
    UNKNOWN_PRODUCT(true),
    /** A channel or message type the feed does not use (ignored silently, only counted). */
    IGNORED_MESSAGE(false);

    private final boolean logged;

    RejectReason(boolean logged) {
        this.logged = logged;
    }

    /** Whether a rejection for this reason is worth a (rate-limited) log line. */
    public boolean logged() {
        return logged;
    }
}
