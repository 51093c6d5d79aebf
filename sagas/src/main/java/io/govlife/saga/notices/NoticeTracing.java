package io.govlife.saga.notices;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a notice's delivery in the trace of the write that caused it. Notices are sent from their own schedule, long
 * after the event handling that recorded them, so that handling's trace context is kept with the notice (as a W3C
 * {@code traceparent}); each delivery attempt is then a client span under it, and the webhook request carries it.
 */
@Component
class NoticeTracing {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private final Tracer tracer;

    @Autowired
    NoticeTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
        this(openTelemetry.getIfAvailable(OpenTelemetry::noop));
    }

    private NoticeTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("govlife-notices");
    }

    /** Spans recorded nowhere; the requests still carry the trace a notice was recorded in. */
    static NoticeTracing none() {
        return new NoticeTracing(OpenTelemetry.noop());
    }

    /** The trace context of the work under way, or null outside a trace. */
    static String current() {
        return traceparent(Span.current().getSpanContext());
    }

    /** A span for one delivery attempt of the notice, in the trace it was recorded in (a trace of its own if none). */
    Span attempt(String recordedIn, String noticeId) {
        var span = tracer.spanBuilder("notice delivery").setSpanKind(SpanKind.CLIENT)
                .setAttribute("webhook.id", noticeId);
        SpanContext parent = parse(recordedIn);
        return (parent == null ? span.setNoParent() : span.setParent(Context.root().with(Span.wrap(parent))))
                .startSpan();
    }

    /** What the webhook request carries as its {@code traceparent} header, or null. */
    static String traceparent(SpanContext span) {
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }

    private static SpanContext parse(String traceparent) {
        Matcher parts = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        if (parts == null || !parts.matches()) {
            return null;
        }
        return SpanContext.createFromRemoteParent(parts.group(1), parts.group(2),
                TraceFlags.fromHex(parts.group(3), 0), TraceState.getDefault());
    }
}
