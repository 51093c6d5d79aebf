package io.govlife.saga.notices;

import io.opentelemetry.api.trace.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTracingTest {

    private static final String RECORDED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_delivery_attempt_goes_on_in_the_trace_its_notice_was_recorded_in() {
        Span attempt = NoticeTracing.none().attempt(RECORDED, "msg_1");
        assertThat(NoticeTracing.traceparent(attempt.getSpanContext()))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
    }

    @Test
    void a_notice_recorded_outside_a_trace_or_with_a_mangled_one_is_sent_without_one() {
        assertThat(NoticeTracing.current()).isNull();
        assertThat(NoticeTracing.traceparent(NoticeTracing.none().attempt(null, "msg_2").getSpanContext())).isNull();
        assertThat(NoticeTracing.traceparent(NoticeTracing.none().attempt("00-not-a-trace", "msg_3")
                .getSpanContext())).isNull();
    }
}
