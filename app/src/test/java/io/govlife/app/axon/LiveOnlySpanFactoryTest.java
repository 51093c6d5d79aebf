package io.govlife.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.tracing.SpanFactory;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Which handlings reach the tracer: live ones, never a replay's. */
class LiveOnlySpanFactoryTest {

    private final SpanFactory tracer = mock(SpanFactory.class);
    private final LiveOnlySpanFactory spans = new LiveOnlySpanFactory(tracer);

    private static TrackedEventMessage<String> at(org.axonframework.eventhandling.TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("GovCreated"));
    }

    @Test
    void a_replayed_event_s_handling_is_not_traced() {
        TrackedEventMessage<String> replayed = at(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(4)));

        spans.createChildHandlerSpan(() -> "StreamingEventProcessor.process", replayed);
        spans.createLinkedHandlerSpan(() -> "StreamingEventProcessor.process", replayed);
        spans.createInternalSpan(() -> "CompositionProjection.on", replayed);

        verifyNoInteractions(tracer);
    }

    @Test
    void a_live_event_s_handling_is_traced() {
        TrackedEventMessage<String> live = at(new GlobalSequenceTrackingToken(11));

        spans.createChildHandlerSpan(() -> "StreamingEventProcessor.process", live);
        spans.createInternalSpan(() -> "CompositionProjection.on", live);

        verify(tracer).createHandlerSpan(any(), eq(live), eq(true));
        verify(tracer).createInternalSpan(any(), eq(live));
    }
}
