package io.govlife.command.gov;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.Name;
import io.govlife.events.integrator.IntegratorRegistered;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CoOperatorAdded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.govlife.command.gov.ConsistencyRulesTest.WIDE_WITHOUT_ORACLE;
import static io.govlife.command.gov.ConsistencyRulesTest.baseBumped;
import static io.govlife.command.gov.ConsistencyRulesTest.publishedWide;
import static io.govlife.command.gov.ConsistencyRulesTest.with;
import static io.govlife.command.gov.GovTest.BASE;
import static io.govlife.command.gov.GovTest.GOV;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot holds the gov and its entities as Jackson writes their fields (the application's serializer settings):
 * read back, it is the same state, and it carries the revision the snapshot filter compares. That an older
 * revision is passed over is RestartIT's part.
 */
class GovSnapshotTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .revisionResolver(new AnnotationRevisionResolver()).build();

    @Test
    void a_gov_with_every_entity_in_use_reads_back_from_its_snapshot_as_the_same_state() {
        Name wallet = Name.of("wallet");
        Gov gov = sourcedFrom(with(publishedWide(), baseBumped(), new ConfluenceUpgradeHeld(GOV, WIDE_WITHOUT_ORACLE,
                BASE), new CoOperatorAdded(GOV, "ada"), new CitizenOperatorAdded(GOV, BASE, "dave"), new IntegratorRegistered(GOV, wallet, "https://w.example"),
                new IntegratorRegistered(GOV, Name.of("atlas"), "https://a.example"),
                new IntegratorEndpointDisabled(GOV, wallet, 410)));

        SerializedObject<String> snapshot = serializer.serialize(gov, String.class);
        Gov restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo(Gov.SNAPSHOT_REVISION);
        assertThat(snapshot.getData()).contains("\"pending\"", "\"held\"", "\"coOperators\"", "\"citizenOperators\"", "\"disabled\"",
                "\"publishedRecordedAt\"");
        assertThat(restored).usingRecursiveComparison().isEqualTo(gov);
        assertThat(restored).usingRecursiveComparison().isNotEqualTo(sourcedFrom(publishedWide()));
    }

    private static Gov sourcedFrom(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < events.length; seq++) {
            messages.add(new GenericDomainEventMessage<>("Gov", GOV.value(), seq, events[seq]));
        }
        EventSourcedAggregate<Gov> aggregate = EventSourcedAggregate.initialize(new Gov(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Gov.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages));
        return aggregate.getAggregateRoot();
    }
}
