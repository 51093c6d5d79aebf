package io.govlife.saga.notices;

/** What a notice tells its receiver. */
public enum NoticeKind {
    PUBLICATION,
    BUMP_SCHEDULED,
    BUMP_REVISED,
    BUMP_REMINDER,
    BUMP_CANCELLED,
    /** The cutover time came but spanning confluences still await their upgrade. */
    BUMP_BLOCKED,
    RETIREMENT,
    INCLUSION
}
