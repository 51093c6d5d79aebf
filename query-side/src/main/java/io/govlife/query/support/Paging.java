package io.govlife.query.support;

import io.govlife.events.InvalidInput;
/** A page request checked once: page from 0, size 1–200. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Paging of(int page, int size) {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(page, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
