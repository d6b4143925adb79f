package io.ringtrader.history;

import java.io.IOException;

/** The endpoint refused a request for good (a 4xx other than 429, e.g. an unknown product): not retried. */
final class RestRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RestRefusedException(String problem) {
        super(problem);
    }
}
