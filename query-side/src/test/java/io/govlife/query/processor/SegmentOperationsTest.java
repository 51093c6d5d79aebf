package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentOperationsTest {

    private InMemoryTokenStore store;
    private SegmentOperations segments;

    @BeforeEach
    void twoSegmentsAtTen() {
        store = new InMemoryTokenStore();
        store.initializeTokenSegments(ReadModels.PROCESSOR, 2, new GlobalSequenceTrackingToken(10));
        segments = new SegmentOperations(store, NoTransactionManager.instance());
    }

    @Test
    void a_split_segment_s_halves_both_go_on_from_where_it_stood_and_merge_back() {
        assertThat(segments.split(0)).containsExactly(0, 2);
        assertThat(segments.segments()).containsExactly(0, 1, 2);
        assertThat(token(2)).isEqualTo(new GlobalSequenceTrackingToken(10));

        assertThat(segments.merge(2)).isZero();
        assertThat(segments.segments()).containsExactly(0, 1);
        assertThat(token(0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void halves_at_different_places_are_not_merged_so_no_event_is_handled_twice() {
        segments.split(0);
        store.fetchToken(ReadModels.PROCESSOR, 2);
        store.storeToken(new GlobalSequenceTrackingToken(12), ReadModels.PROCESSOR, 2);

        assertThatThrownBy(() -> segments.merge(0)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.rule()).isEqualTo(Rule.SEGMENT_NOT_MERGEABLE));
        assertThat(segments.segments()).containsExactly(0, 1, 2);
    }

    @Test
    void a_finished_replay_stands_where_it_reached() {
        segments.split(0);
        TrackingToken replayed = ((ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                null, "audit")).advancedTo(new GlobalSequenceTrackingToken(10));
        store.fetchToken(ReadModels.PROCESSOR, 2);
        store.storeToken(replayed, ReadModels.PROCESSOR, 2);

        assertThat(ReplayToken.isReplay(token(2))).as("still a replay token, whose replay is over").isTrue();
        assertThat(segments.merge(2)).isZero();
        assertThat(token(0)).isEqualTo(new GlobalSequenceTrackingToken(10));
    }

    @Test
    void a_segment_that_is_not_there_is_refused() {
        assertThatThrownBy(() -> segments.split(7)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.rule()).isEqualTo(Rule.SEGMENT_NOT_FOUND));
        assertThatThrownBy(() -> segments.merge(7)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.rule()).isEqualTo(Rule.SEGMENT_NOT_FOUND));
    }

    private TrackingToken token(int segment) {
        return store.fetchToken(ReadModels.PROCESSOR, segment);
    }
}
