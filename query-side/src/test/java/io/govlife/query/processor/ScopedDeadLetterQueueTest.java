package io.govlife.query.processor;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopedDeadLetterQueueTest {

    private static final String GOV = "parked-gov";

    private ScopedDeadLetterQueue composition;

    @BeforeEach
    void oneEventOfTheGovParked() {
        composition = new ScopedDeadLetterQueue("composition", InMemorySequencedDeadLetterQueue.defaultQueue());
        composition.enqueue(GOV, new GenericDeadLetter<>(GOV, event(1, new GlobalSequenceTrackingToken(1)),
                new IllegalStateException("composition of unknown gov " + GOV)));
    }

    @Test
    void a_later_event_of_a_parked_gov_is_parked_behind_it() {
        assertThat(offer(event(2, new GlobalSequenceTrackingToken(2)))).isTrue();
        assertThat(composition.sequenceSize(GOV)).isEqualTo(2);
    }

    @Test
    void an_event_replayed_for_another_read_model_passes_by_the_parked_gov() {
        assertThat(offer(event(1, replaying("audit")))).isFalse();
        assertThat(composition.sequenceSize(GOV)).isEqualTo(1);
    }

    @Test
    void an_event_replayed_for_this_read_model_is_parked_behind_the_gov_s_letters() {
        assertThat(offer(event(2, replaying("audit,composition")))).isTrue();
        assertThat(composition.sequenceSize(GOV)).isEqualTo(2);
    }

    @Test
    void an_event_of_a_gov_not_parked_is_not_parked() {
        assertThat(composition.enqueueIfPresent("other-gov", () -> new GenericDeadLetter<>("other-gov",
                event(3, new GlobalSequenceTrackingToken(3))))).isFalse();
        assertThat(composition.amountOfSequences()).isEqualTo(1);
    }

    private boolean offer(EventMessage<?> event) {
        return composition.enqueueIfPresent(GOV, () -> new GenericDeadLetter<>(GOV, event));
    }

    /** A token of a replay still under way (at 5 of 10) that rebuilds the named read models. */
    private static TrackingToken replaying(String readModels) {
        return ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(5),
                readModels);
    }

    private static EventMessage<?> event(long sequence, TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("Gov", GOV, sequence, "payload " + sequence));
    }
}
