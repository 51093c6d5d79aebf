package io.govlife.events;

/**
 * A part of a request — a header, a query parameter, or a value checked across the request (against the path, against
 * an allow-list, against another parameter) — that broke its rule. Beside {@link io.govlife.events.gov.RuleViolation}
 * in the message API because every module that takes requests refuses input this way, and the web layer answers
 * both with the same problem document.
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
