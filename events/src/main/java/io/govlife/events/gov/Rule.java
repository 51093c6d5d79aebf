package io.govlife.events.gov;

/**
 * Every rule a gov enforces, with the kind of refusal it is. The code is stable: clients match on it
 * (it ends the problem {@code type} URI).
 */
public enum Rule {
    GOV_NAME_TAKEN("gov-name-taken", Refusal.CONFLICT),
    GOV_RETIRED("gov-retired", Refusal.CONFLICT),
    CITIZEN_NOT_FOUND("citizen-not-found", Refusal.NOT_FOUND),
    CITIZEN_NAME_TAKEN("citizen-name-taken", Refusal.CONFLICT),
    NOT_A_CONFLUENCE("not-a-confluence", Refusal.UNPROCESSABLE),
    CONFLUENCE_SPANS_TOO_FEW("confluence-spans-too-few", Refusal.UNPROCESSABLE),
    CONFLUENCE_SPAN_REPEATED("confluence-span-repeated", Refusal.UNPROCESSABLE),
    CONFLUENCE_SPAN_UNKNOWN("confluence-span-unknown", Refusal.UNPROCESSABLE),
    CONFLUENCE_SPANS_ITSELF("confluence-spans-itself", Refusal.UNPROCESSABLE),
    SERVICE_NOT_SHIPPED("service-not-shipped", Refusal.NOT_FOUND),
    STALE_CONFLUENCES("stale-confluences", Refusal.CONFLICT),
    DRAFT_UNCHANGED("draft-unchanged", Refusal.CONFLICT),
    DRAFT_EMPTY("draft-empty", Refusal.CONFLICT),
    CITIZEN_NOT_PUBLISHED("citizen-not-published", Refusal.CONFLICT),
    BUMP_NOT_FOR_CONFLUENCE("bump-not-for-confluence", Refusal.UNPROCESSABLE),
    BUMP_SAME_FINGERPRINT("bump-same-fingerprint", Refusal.UNPROCESSABLE),
    BUMP_ALREADY_PENDING("bump-already-pending", Refusal.CONFLICT),
    BUMP_NOT_PENDING("bump-not-pending", Refusal.NOT_FOUND),
    BUMP_PENDING_ON_CITIZEN("bump-pending-on-citizen", Refusal.CONFLICT),
    CITIZEN_CHANGED_IN_DRAFT("citizen-changed-in-draft", Refusal.CONFLICT),
    UPGRADE_SPANS_UNPUBLISHED("upgrade-spans-unpublished", Refusal.UNPROCESSABLE),
    CONFLUENCE_NOT_STALE("confluence-not-stale", Refusal.CONFLICT),
    CONFLUENCE_SPANS_MISSING("confluence-spans-missing", Refusal.UNPROCESSABLE),
    CUTOVER_NOT_DUE("cutover-not-due", Refusal.CONFLICT),
    INTEGRATOR_NAME_TAKEN("integrator-name-taken", Refusal.CONFLICT),
    INTEGRATOR_NOT_FOUND("integrator-not-found", Refusal.NOT_FOUND),
    GOV_NOT_FOUND("gov-not-found", Refusal.NOT_FOUND),
    NOTICE_NOT_FOUND("notice-not-found", Refusal.NOT_FOUND),
    NOTICE_NOT_FAILED("notice-not-failed", Refusal.CONFLICT),
    ACK_TOKEN_INVALID("ack-token-invalid", Refusal.FORBIDDEN),
    NOT_AN_OPERATOR("not-an-operator", Refusal.FORBIDDEN),
    NOT_THE_OWNER("not-the-owner", Refusal.FORBIDDEN),
    CO_OPERATOR_ALREADY("co-operator-already", Refusal.CONFLICT),
    CO_OPERATOR_NOT_FOUND("co-operator-not-found", Refusal.NOT_FOUND),
    /** A citizen operator's token reaches that citizen's bumps and nothing else of the gov. */
    CITIZEN_OPERATOR_LIMITS("citizen-operator-limits", Refusal.FORBIDDEN),
    CITIZEN_OPERATOR_ALREADY("citizen-operator-already", Refusal.CONFLICT),
    CITIZEN_OPERATOR_NOT_FOUND("citizen-operator-not-found", Refusal.NOT_FOUND);

    public enum Refusal {
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE
    }

    private final String code;
    private final Refusal refusal;

    Rule(String code, Refusal refusal) {
        this.code = code;
        this.refusal = refusal;
    }

    public String code() {
        return code;
    }

    public Refusal refusal() {
        return refusal;
    }
}
