package io.govlife.app.web;

import java.io.IOException;

/** Thrown while reading a request body past the configured cap; becomes 413. */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
