package io.govlife.query.support;

import io.govlife.events.StoredEventTypes;
import io.govlife.events.gov.GovEvent;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds real event messages (payload, sequence number, timestamp, metadata) through a projection's annotated
 * handlers, the way Axon's processor does, into a real H2 database migrated with the read models' own scripts.
 */
public final class ProjectionHarness {

    private final JdbcTemplate jdbc;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<GenericDomainEventMessage<GovEvent>> log = new ArrayList<>();
    private List<AnnotationEventHandlerAdapter> handlers = List.of();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    public ProjectionHarness() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("binary", "blob", "document", "clob"))
                .javaMigrations(io.govlife.query.composition.CompositionMigrations.all()).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The projections every published event goes to, in this order. */
    public ProjectionHarness feeding(Object... projections) {
        this.handlers = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
        return this;
    }

    public Instant now() {
        return clock;
    }

    public ProjectionHarness at(Instant instant) {
        clock = instant;
        return this;
    }

    /** Publishes the events as the next ones of their gov's stream, one minute apart, as operator alice. */
    public ProjectionHarness publish(GovEvent... events) {
        for (GovEvent event : events) {
            publish(event, MetaData.with("operator", "alice").and("correlationId", "corr-" + event.gov()));
        }
        return this;
    }

    public ProjectionHarness publish(GovEvent event, MetaData metadata) {
        GenericDomainEventMessage<GovEvent> message = message(event, metadata);
        // a unit of work per event, as a processor with a batch size of one: failures propagate from execute
        new DefaultUnitOfWork<>(message).execute(() -> deliver(message));
        return this;
    }

    /**
     * Publishes the events in one batch, as a streaming processor hands them over: one unit of work whose
     * prepare-commit phase comes after the last event.
     */
    public ProjectionHarness publishBatch(GovEvent... events) {
        deliverInOneBatch(Arrays.stream(events)
                .map(event -> message(event, MetaData.with("operator", "alice"))).toList());
        return this;
    }

    private GenericDomainEventMessage<GovEvent> message(GovEvent event, MetaData metadata) {
        String gov = event.gov().value();
        long sequence = sequences.merge(gov, 0L, (old, zero) -> old + 1);
        clock = clock.plusSeconds(60);
        Instant timestamp = clock;
        if (StoredEventTypes.nameOf(event.getClass()).isEmpty()) {
            throw new IllegalArgumentException("not a stored event type: " + event.getClass());
        }
        GenericDomainEventMessage<GovEvent> message = new GenericDomainEventMessage<>("Gov", gov, sequence, event,
                metadata, UUID.randomUUID().toString(), timestamp);
        log.add(message);
        return message;
    }

    private void deliver(GenericDomainEventMessage<GovEvent> message) {
        GovEvent event = message.getPayload();
        for (AnnotationEventHandlerAdapter handler : handlers) {
            try {
                if (handler.canHandle(message)) {
                    handler.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException("projection failed on " + event, e);
            }
        }
    }

    public void reset() {
        handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    /** Every event published so far, in order. */
    public List<GenericDomainEventMessage<GovEvent>> published() {
        return List.copyOf(log);
    }

    /** A rebuild: the projections reset, then every event published so far handed over again in one batch. */
    public ProjectionHarness replay() {
        reset();
        deliverInOneBatch(List.copyOf(log));
        return this;
    }

    private void deliverInOneBatch(List<GenericDomainEventMessage<GovEvent>> messages) {
        BatchingUnitOfWork<GenericDomainEventMessage<GovEvent>> batch = new BatchingUnitOfWork<>(messages);
        // a batching unit of work runs the task once per message, each with its own processing context
        batch.execute(() -> deliver(batch.getMessage()));
    }
}
