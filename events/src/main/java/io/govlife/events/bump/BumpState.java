package io.govlife.events.bump;

import io.govlife.events.gov.GovState;

import java.time.Duration;

/**
 * What scheduling a bump answers: the gov's state after it, as every write answers, and how the gov took the bump.
 * {@code shortNotice}: its cutover is inside the minimum notice; {@code catchUp}: its cutover had already passed,
 * by {@code lateBy}, and was carried out (or blocked) at once.
 */
public record BumpState(String name, long version, String draftFingerprint, Long publishedRevision,
                        String publishedFingerprint, boolean shortNotice, boolean catchUp, Duration lateBy) {

    public static BumpState of(GovState state, boolean shortNotice, Duration lateBy) {
        return new BumpState(state.name(), state.version(), state.draftFingerprint(), state.publishedRevision(),
                state.publishedFingerprint(), shortNotice, lateBy != null, lateBy);
    }

    public GovState state() {
        return new GovState(name, version, draftFingerprint, publishedRevision, publishedFingerprint);
    }
}
