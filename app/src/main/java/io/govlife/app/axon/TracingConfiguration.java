package io.govlife.app.axon;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's spans (dispatch, handling, event processing, sagas) in the traces Spring Boot's OpenTelemetry records for
 * HTTP, so one trace runs from a write's request through its command and events to the read models and sagas that
 * handled them. Axon carries the trace context in each message's metadata ({@code traceparent}); event handlers
 * join the trace of the request that caused their event ({@code axon.tracing.event-processor.distributed-in-same-trace}).
 * Export is off until an OTLP endpoint is configured; trace and span ids are in the log context either way. A replay's
 * handling is not traced ({@link LiveOnlySpanFactory}).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /**
     * Axon's own default asks {@code GlobalOpenTelemetry}, which Spring Boot never sets: Axon's spans would then be
     * recorded nowhere and start traces of their own.
     */
    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return new LiveOnlySpanFactory(OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build());
    }

    @Bean
    LogContext logContext() {
        return new LogContext();
    }

    /** Command and query buses take handler interceptor beans by themselves; event processors are told here. */
    @Bean
    ConfigurerModule logContextOnEventProcessors(LogContext logContext) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((config, processor) -> logContext));
    }
}
