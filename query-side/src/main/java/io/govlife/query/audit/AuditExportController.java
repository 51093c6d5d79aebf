package io.govlife.query.audit;

import io.govlife.events.gov.RuleViolation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

    private final EventStore eventStore;
    private final AuditRepository repository;
    private final AuditSigningKey key;
    private final String origin;

    AuditExportController(EventStore eventStore, AuditRepository repository, AuditSigningKey key,
                          QuerySideProperties settings) {
        this.eventStore = eventStore;
        this.repository = repository;
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
            Map<Long, String> seals = repository.seals(gov);
            String previous = AuditChain.GENESIS;
            long count = 0;
            Long altered = null;
            long sealed = 0;
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                previous = write(out, AuditLines.line(event, previous));
                String seal = seals.get(event.getSequenceNumber());
                if (seal != null) {
                    sealed++;
                    if (altered == null && !seal.equals(key.seal(previous))) {
                        altered = event.getSequenceNumber();
                    }
                }
                count++;
            }
            if (altered == null) {
                // events sealed at their append that the log no longer holds: its end was deleted
                long exported = count;
                altered = seals.keySet().stream().filter(sequence -> sequence >= exported).min(Long::compare)
                        .orElse(null);
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
            checkpoint.put("sealed", sealed);
            if (altered != null) {
                checkpoint.put("altered", altered);
            }
            end.put("checkpoint", checkpoint);
            end.put("keyId", key.keyId());
            end.put("signature", key.sign(AuditChain.checkpoint(origin + gov, count, previous, sealed, altered)));
            write(out, AuditLines.text(end));
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + gov + "-audit.ndjson\"").body(body);
    }

    /** Writes one line and answers its hash, which the next line carries. */
    private static String write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            return AuditChain.hash(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
