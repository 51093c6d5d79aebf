package io.govlife.query.audit;

import io.govlife.events.Name;
import io.govlife.events.gov.GovEvent;
import io.govlife.query.support.JsonColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Writes every gov event, whatever its type, into the audit trail with its metadata, and seals its audit line as it
 * is appended so that an export can tell a row edited later in the database ({@link AuditRepository#seal}).
 */
@Component
@ProcessingGroup(AuditProjection.NAME)
record AuditProjection(AuditRepository repository) {

    static final String NAME = "audit";

    @EventHandler
    void on(GovEvent event, DomainEventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at,
            MetaData metadata) {
        repository.add(new AuditRepository.Row(event.gov().value(), sequence, EventStories.typeOf(event), at,
                text(metadata, "operator"), text(metadata, "reason"), text(metadata, "correlationId"),
                text(metadata, "causationId"), EventStories.citizenOf(event).map(Name::value).orElse(null),
                EventStories.summary(event), JsonColumns.write(event)));
        repository.seal(message);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
