package io.govlife.query.processor;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.List;

/**
 * The read models, each its own processing group, all fed by one event processor: the log is read, each event
 * deserialised, and the token stored and committed once for all six instead of six times (see BENCHMARKS.md). One
 * read model is still rebuilt alone: {@link ReplayScope} keeps the others out of a replay that is not theirs.
 * <p>
 * Each read model has a dead-letter queue (Axon's sequenced one, in the {@code dead_letter} table): an event its
 * handler cannot handle is parked with every later event of the same gov, in the batch's transaction, and the
 * processor goes on with every other gov and every other read model instead of stopping them all on every node.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ReadModels {

    /** The processor that feeds every read model. */
    static final String PROCESSOR = "read-models";

    /** The processing groups that are read models; anything else (sagas, notices) is never replayed from here. */
    static final List<String> NAMES = List.of("composition", "revisions", "audit", "channel", "reports",
            "fingerprints");

    /** Parked sequences per read model before a new one is refused (the processor then stops on it, as without). */
    private static final int MAX_PARKED_GOVS = 1024;

    @Bean
    ConfigurerModule readModelsShareOneProcessor(DataSource dataSource) {
        return configurer -> configurer.eventProcessing(processing -> NAMES.forEach(name -> {
            processing.assignProcessingGroup(name, PROCESSOR);
            processing.registerDeadLetterQueue(name, config -> deadLetters(name, config, dataSource));
            // an empty queue is then never asked about each event (six reads per event otherwise)
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(name,
                    (config, invoker) -> invoker.enableSequenceIdentifierCache());
        }));
    }

    @Bean
    HandlerEnhancerDefinition replayScope() {
        return new ReplayScope();
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> deadLetters(String readModel, Configuration config,
                                                                         DataSource dataSource) {
        JdbcSequencedDeadLetterQueue<EventMessage<?>> stored = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(readModel)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(config.getComponent(TransactionManager.class))
                .schema(SCHEMA)
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .maxSequences(MAX_PARKED_GOVS)
                .build();
        return new ScopedDeadLetterQueue(readModel, stored);
    }

    /** Axon's columns under this schema's snake_case names (query-side's V37). */
    private static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();
}
