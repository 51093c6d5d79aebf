package io.govlife.app.axon;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.Map;

/**
 * Puts the handled message's trace, span and correlation ids in the log context (MDC) of the thread handling it, so
 * every line a handler, projection or saga logs names them, as a request thread's lines do; restores the thread's
 * context afterwards (processor threads are pooled).
 */
final class LogContext implements MessageHandlerInterceptor<Message<?>> {

    static final String CORRELATION_ID = "correlationId";

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            Object correlation = unitOfWork.getMessage().getMetaData().get(CORRELATION_ID);
            if (correlation != null) {
                MDC.put(CORRELATION_ID, correlation.toString());
            }
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                MDC.put("traceId", span.getTraceId());
                MDC.put("spanId", span.getSpanId());
            }
            return chain.proceed();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
