package io.govlife.app.messaging;

import org.springframework.stereotype.Component;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries who and why from a command onto every message it causes, so each event in the log answers the
 * auditor's questions: {@code operator}, {@code reason}, {@code correlationId} (the originating request, the same
 * along a whole chain) and {@code causationId} (the message that directly caused this one).
 */
@Component
class AuditTrailMetadata implements CorrelationDataProvider {

    static final String OPERATOR = "operator";
    static final String REASON = "reason";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, OPERATOR, data);
        copy(message, REASON, data);
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> data) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
