package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Splits and merges the read models' segments in the token store, as Axon's pooled processor does for a segment it
 * holds, but for all nodes at once: {@link ProcessorControl} has every node let go first, so no node is working a
 * segment while its token changes. More segments let more nodes (each up to its fair share) work the log at once;
 * fewer mean fewer, larger batches.
 */
@Component
record SegmentOperations(TokenStore tokens, TransactionManager transactions) {

    /** The segments as they are now, e.g. {@code [0, 1]}. */
    int[] segments() {
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(ReadModels.PROCESSOR));
    }

    /** Refuses a segment the processor does not have, before anything is paused for it. */
    void requireExisting(int segmentId) {
        transactions.executeInTransaction(() -> existing(segmentId));
    }

    /** Splits the segment in two halves, each starting where it stood. Answers the new segments. */
    int[] split(int segmentId) {
        return transactions.fetchInTransaction(() -> {
            Segment segment = existing(segmentId);
            TrackerStatus[] halves = TrackerStatus.split(segment, tokens.fetchToken(ReadModels.PROCESSOR, segmentId));
            tokens.initializeSegment(halves[1].getInternalTrackingToken(), ReadModels.PROCESSOR,
                    halves[1].getSegment().getSegmentId());
            tokens.releaseClaim(ReadModels.PROCESSOR, segmentId);
            return new int[] {halves[0].getSegment().getSegmentId(), halves[1].getSegment().getSegmentId()};
        });
    }

    /**
     * Merges the segment with the one it was split from, when both stand at the same place in the log (refused
     * with 409 {@code segment-not-mergeable} otherwise). Answers the merged segment.
     */
    int merge(int segmentId) {
        return transactions.fetchInTransaction(() -> {
            Segment segment = existing(segmentId);
            int otherId = segment.mergeableSegmentId();
            if (otherId == segmentId) {
                throw new RuleViolation(Rule.SEGMENT_NOT_MERGEABLE, "segment", "segment " + segmentId
                        + " has no segment to merge with; segments are " + Arrays.toString(segments()));
            }
            Segment other = existing(otherId);
            Segment merged = segment.mergedWith(other);
            TrackingToken mine = settled(tokens.fetchToken(ReadModels.PROCESSOR, segmentId));
            TrackingToken theirs = settled(tokens.fetchToken(ReadModels.PROCESSOR, otherId));
            if (!java.util.Objects.equals(mine, theirs)) {
                // Axon would go on from a token of both and hand the merged segment the events one half already
                // handled: its pooled processor does not tell the halves apart, so the read models would apply them
                // twice. Halves that both caught up stand at the same place.
                throw new RuleViolation(Rule.SEGMENT_NOT_MERGEABLE, "segment", "segments " + segmentId + " and "
                        + otherId + " stand at different places in the log (" + mine + ", " + theirs
                        + "); merge them once the read models have caught up");
            }
            TrackingToken token = mine;
            int dropped = merged.getSegmentId() == segmentId ? otherId : segmentId;
            tokens.deleteToken(ReadModels.PROCESSOR, dropped);
            tokens.storeToken(token, ReadModels.PROCESSOR, merged.getSegmentId());
            tokens.releaseClaim(ReadModels.PROCESSOR, merged.getSegmentId());
            return merged.getSegmentId();
        });
    }

    /** A replay token whose replay is over stands where its replay reached; anything else as it is. */
    private static TrackingToken settled(TrackingToken token) {
        if (token instanceof ReplayToken replay && ReplayScope.stillRebuilding(replay).isEmpty()
                && replay.getCurrentToken() != null) {
            return replay.getCurrentToken();
        }
        return token;
    }

    private Segment existing(int segmentId) {
        int[] segments = tokens.fetchSegments(ReadModels.PROCESSOR);
        if (Arrays.stream(segments).noneMatch(id -> id == segmentId)) {
            throw new RuleViolation(Rule.SEGMENT_NOT_FOUND, "segment", "no segment " + segmentId + " of "
                    + ReadModels.PROCESSOR + "; segments are " + Arrays.toString(segments));
        }
        return Segment.computeSegment(segmentId, segments);
    }
}
