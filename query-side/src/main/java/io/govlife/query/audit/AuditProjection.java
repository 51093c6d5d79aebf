package io.govlife.query.audit;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.GovEvent;
import io.govlife.query.support.EventStories;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.PerBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes every gov event, whatever its type, into the audit trail with its metadata. */
@Component
@ProcessingGroup(AuditProjection.NAME)
class AuditProjection {

    static final String NAME = "audit";
    private static final String ROWS = AuditProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;

    AuditProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows go in as one JDBC batch when the processor's batch commits: a statement per event was most of a replay. */
    @EventHandler
    void on(GovEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            MetaData metadata) {
        PerBatch.resource(ROWS, ArrayList<Object[]>::new, this::insert).add(new Object[] {
                event.gov().value(), sequence, EventStories.typeOf(event), Timestamp.from(at),
                text(metadata, "operator"), text(metadata, "reason"), text(metadata, "correlationId"),
                text(metadata, "causationId"), EventStories.citizenOf(event).map(CitizenName::value).orElse(null),
                EventStories.summary(event), JsonColumns.write(event)});
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into audit_entry (gov, sequence_number, event_type, occurred_at, operator, reason, "
                + "correlation_id, causation_id, citizen, summary, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_entry");
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
