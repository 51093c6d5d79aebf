package io.govlife.events.gov;

/**
 * A command refused by a gov's rules. Part of the message API because the refusal is an answer the caller acts
 * on: {@link Rule} says which rule, {@code field} which part of the request broke it.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    /** Every module answers a gov it does not know in these words. */
    public static RuleViolation govNotFound(Object gov) {
        return new RuleViolation(Rule.GOV_NOT_FOUND, "gov", "no gov named '" + gov + "'");
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
