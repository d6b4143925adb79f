package io.ringtrader.history;

import java.io.IOException;

/** A response body that is not the documented candles shape (e.g. truncated JSON): retried like a 5xx. */
final class MalformedPageException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedPageException(String problem) {
        super(problem);
    }
}
