package io.govlife.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.StoredEventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one rendering of an event as an audit line, shared by the export and by the projection that seals each line
 * as it is appended: the two must agree to the byte, or every event would read as altered.
 */
final class AuditLines {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private AuditLines() {
    }

    static String line(DomainEventMessage<?> event, String previous) {
        Class<?> type = event.getPayloadType();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequence", event.getSequenceNumber());
        line.put("id", event.getIdentifier());
        line.put("type", StoredEventTypes.nameOf(type).orElse(type.getName()));
        line.put("revision", new AnnotationRevisionResolver().revisionOf(type));
        line.put("timestamp", event.getTimestamp());
        line.put("metadata", new TreeMap<>(event.getMetaData()));
        line.put("payload", event.getPayload());
        line.put("prev", previous);
        return text(line);
    }

    static String text(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit line could not be written", e);
        }
    }
}
