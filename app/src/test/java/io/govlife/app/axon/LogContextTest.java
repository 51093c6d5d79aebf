package io.govlife.app.axon;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void a_handler_logs_with_the_message_s_trace_and_correlation_ids_and_the_thread_gets_its_own_back() throws Exception {
        MDC.put("request", "the-thread-s-own");
        Map<String, String> seen = new HashMap<>();
        GenericEventMessage<String> event = new GenericEventMessage<>("GovCreated",
                MetaData.with("correlationId", "req-42"));
        SpanContext context = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());

        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> new LogContext().handle(
                    org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get(), () -> {
                        seen.putAll(MDC.getCopyOfContextMap());
                        return null;
                    }));
        }

        assertThat(seen).containsEntry("traceId", TRACE).containsEntry("spanId", SPAN)
                .containsEntry("correlationId", "req-42");
        assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "the-thread-s-own"));
    }
}
