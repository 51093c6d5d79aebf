package io.govlife.command.web;

/** A body field that passed its own constraints but not a check across the request (e.g. against the path). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
