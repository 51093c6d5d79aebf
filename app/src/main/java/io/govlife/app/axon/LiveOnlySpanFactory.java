package io.govlife.app.axon;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;

import java.util.function.Supplier;

/**
 * Axon's spans, except for the handling of a replayed event. A rebuild hands read models events written months ago,
 * each carrying the {@code traceparent} of the request that wrote it: traced, every handler call of a rebuild would
 * land in that old request's trace (sampled ones exported again), and the spans cost a tenth of a rebuild's CPU
 * (BENCHMARKS.md). The rebuild is observed by its processor's status instead ({@link LiveOnlyMetrics} leaves its
 * meters out too).
 */
record LiveOnlySpanFactory(SpanFactory live) implements SpanFactory {

    @Override
    public Span createRootTrace(Supplier<String> operationNameSupplier) {
        return live.createRootTrace(operationNameSupplier);
    }

    @Override
    public Span createHandlerSpan(Supplier<String> operationNameSupplier, Message<?> parentMessage,
                                  boolean isChildTrace, Message<?>... linkedParents) {
        return ReplayToken.isReplay(parentMessage)
                ? NoOpSpanFactory.INSTANCE.createHandlerSpan(operationNameSupplier, parentMessage, isChildTrace)
                : live.createHandlerSpan(operationNameSupplier, parentMessage, isChildTrace, linkedParents);
    }

    @Override
    public Span createDispatchSpan(Supplier<String> operationNameSupplier, Message<?> parentMessage,
                                   Message<?>... linkedSiblings) {
        return live.createDispatchSpan(operationNameSupplier, parentMessage, linkedSiblings);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationNameSupplier) {
        return live.createInternalSpan(operationNameSupplier);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationNameSupplier, Message<?> message) {
        return ReplayToken.isReplay(message)
                ? NoOpSpanFactory.INSTANCE.createInternalSpan(operationNameSupplier, message)
                : live.createInternalSpan(operationNameSupplier, message);
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        live.registerSpanAttributeProvider(provider);
    }

    @Override
    public <M extends Message<?>> M propagateContext(M message) {
        return live.propagateContext(message);
    }
}
