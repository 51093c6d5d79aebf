package io.govlife.events.gov;

/**
 * Every rule by which govlife refuses a request: the gov's own rules, and what a request names that does not exist.
 * The code is stable: clients match on it (it ends the problem {@code type} URI). What each refusal is in HTTP is
 * the web layer's business, not the message API's.
 */
public enum Rule {
    GOV_NAME_TAKEN("gov-name-taken"),
    GOV_RETIRED("gov-retired"),
    CITIZEN_NOT_FOUND("citizen-not-found"),
    CITIZEN_NAME_TAKEN("citizen-name-taken"),
    NOT_A_CONFLUENCE("not-a-confluence"),
    CONFLUENCE_SPANS_TOO_FEW("confluence-spans-too-few"),
    CONFLUENCE_SPAN_REPEATED("confluence-span-repeated"),
    CONFLUENCE_SPAN_UNKNOWN("confluence-span-unknown"),
    CONFLUENCE_SPANS_ITSELF("confluence-spans-itself"),
    SERVICE_NOT_SHIPPED("service-not-shipped"),
    STALE_CONFLUENCES("stale-confluences"),
    DRAFT_UNCHANGED("draft-unchanged"),
    DRAFT_EMPTY("draft-empty"),
    CITIZEN_NOT_PUBLISHED("citizen-not-published"),
    BUMP_NOT_FOR_CONFLUENCE("bump-not-for-confluence"),
    BUMP_SAME_FINGERPRINT("bump-same-fingerprint"),
    BUMP_ALREADY_PENDING("bump-already-pending"),
    BUMP_NOT_PENDING("bump-not-pending"),
    BUMP_PENDING_ON_CITIZEN("bump-pending-on-citizen"),
    CITIZEN_CHANGED_IN_DRAFT("citizen-changed-in-draft"),
    UPGRADE_SPANS_UNPUBLISHED("upgrade-spans-unpublished"),
    CONFLUENCE_NOT_STALE("confluence-not-stale"),
    CONFLUENCE_SPANS_MISSING("confluence-spans-missing"),
    CUTOVER_NOT_DUE("cutover-not-due"),
    INTEGRATOR_NAME_TAKEN("integrator-name-taken"),
    INTEGRATOR_NOT_FOUND("integrator-not-found"),
    GOV_NOT_FOUND("gov-not-found"),
    NOTICE_NOT_FOUND("notice-not-found"),
    NOTICE_NOT_FAILED("notice-not-failed"),
    ACK_TOKEN_INVALID("ack-token-invalid"),
    NOT_AN_OPERATOR("not-an-operator"),
    NOT_THE_OWNER("not-the-owner"),
    CO_OPERATOR_ALREADY("co-operator-already"),
    CO_OPERATOR_NOT_FOUND("co-operator-not-found"),
    /** A citizen operator's token reaches that citizen's bumps and nothing else of the gov. */
    CITIZEN_OPERATOR_LIMITS("citizen-operator-limits"),
    CITIZEN_OPERATOR_ALREADY("citizen-operator-already"),
    CITIZEN_OPERATOR_NOT_FOUND("citizen-operator-not-found"),
    /** Reads: what a request names that the read models do not hold. */
    REVISION_NOT_FOUND("revision-not-found"),
    FINGERPRINT_NOT_FOUND("fingerprint-not-found"),
    PROJECTION_NOT_FOUND("projection-not-found"),
    /** Admin: a retry or eviction names a gov the read model has no parked events of. */
    DEAD_LETTER_NOT_FOUND("dead-letter-not-found"),
    /** Admin: a segment operation names a segment the read models' processor does not have, or cannot merge. */
    SEGMENT_NOT_FOUND("segment-not-found"),
    SEGMENT_NOT_MERGEABLE("segment-not-mergeable"),
    /** Admin: an operation needing every segment free found one still held by a node; nothing was changed. */
    PROCESSOR_BUSY("processor-busy");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
