package io.govlife.query.audit;

import io.govlife.events.gov.RuleViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.StoredEventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import io.govlife.query.QuerySideProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/govs/{gov}/audit}: the gov's whole history, read from the event log itself (not a read model),
 * as JSON lines chained by BLAKE3 ({@link AuditChain}), ending with a checkpoint signed by {@link AuditSigningKey}.
 * Streamed, so a long history costs no memory.
 */
@RestController
class AuditExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final EventStore eventStore;
    private final AuditSigningKey key;
    private final String origin;

    AuditExportController(EventStore eventStore, AuditSigningKey key, QuerySideProperties settings) {
        this.eventStore = eventStore;
        this.key = key;
        this.origin = settings.publicUrl().replaceAll("/+$", "") + "/govs/";
    }

    @GetMapping("/api/govs/{gov}/audit")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String gov) {
        DomainEventStream events = eventStore.readEvents(gov, 0);
        if (!events.hasNext()) {
            throw RuleViolation.govNotFound(gov);
        }
        StreamingResponseBody body = out -> {
            String previous = AuditChain.GENESIS;
            long count = 0;
            while (events.hasNext()) {
                previous = write(out, line(events.next(), previous));
                count++;
            }
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("end", true);
            end.put("gov", gov);
            end.put("events", count);
            end.put("prev", previous);
            Map<String, Object> checkpoint = new LinkedHashMap<>();
            checkpoint.put("origin", origin + gov);
            checkpoint.put("size", count);
            checkpoint.put("root", previous);
            end.put("checkpoint", checkpoint);
            end.put("keyId", key.keyId());
            end.put("signature", key.sign(AuditChain.checkpoint(origin + gov, count, previous)));
            write(out, end);
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + gov + "-audit.ndjson\"").body(body);
    }

    private static Map<String, Object> line(DomainEventMessage<?> event, String previous) {
        Class<?> type = event.getPayloadType();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sequence", event.getSequenceNumber());
        line.put("id", event.getIdentifier());
        line.put("type", StoredEventTypes.nameOf(type).orElse(type.getName()));
        line.put("revision", new AnnotationRevisionResolver().revisionOf(type));
        line.put("timestamp", event.getTimestamp());
        line.put("metadata", new java.util.TreeMap<>(event.getMetaData()));
        line.put("payload", event.getPayload());
        line.put("prev", previous);
        return line;
    }

    /** Writes one line and answers its hash, which the next line carries. */
    private static String write(OutputStream out, Map<String, Object> line) {
        try {
            String text = JSON.writeValueAsString(line);
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            return AuditChain.hash(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
