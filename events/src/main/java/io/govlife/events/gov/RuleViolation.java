package io.govlife.events.gov;

import java.util.List;

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

    /**
     * Every module refuses a caller who does not operate the gov in these words: a citizen's operator is told which
     * of the gov's citizens it operates and what that allows ({@code citizenOperatorMay}), anyone else what to do.
     */
    public static RuleViolation notAnOperator(String operator, Object gov, List<String> citizensOperated,
                                              String citizenOperatorMay, String otherwise) {
        if (!citizensOperated.isEmpty()) {
            return new RuleViolation(Rule.CITIZEN_OPERATOR_LIMITS, "operator", "'" + operator + "' operates citizen "
                    + String.join(", ", citizensOperated) + " of gov '" + gov + "': it may " + citizenOperatorMay);
        }
        return new RuleViolation(Rule.NOT_AN_OPERATOR, "operator", "'" + operator + "' is not an operator of gov '"
                + gov + "': " + otherwise);
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
