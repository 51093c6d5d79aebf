package io.govlife.command.web;

/**
 * A part of a request — a header, or a body field checked across the request (against the path, against the
 * allow-list) — that broke its rule; answered as 400 naming it.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
