package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What lands in the event store, and where the store is. */
class StorageIT extends LiveApplication {

    @Autowired
    EventStore eventStore;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStorageEngine storageEngine;

    @Test
    void events_are_stored_under_stable_names_with_who_why_and_correlation() throws Exception {
        String gov = uniqueGov();
        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}", "X-Operator", "carol");
        api.post("/api/govs/" + gov + "/organisms",
                "{\"role\":\"oracle-feed\",\"fingerprint\":\"" + fp(0x33) + "\",\"reason\":\"needs prices\"}",
                "X-Operator", "carol", "X-Correlation-Id", "ticket-1234");

        List<Map<String, Object>> rows = jdbc.queryForList("select payload_type, payload_revision, meta_data "
                + "from domain_event_entry where aggregate_identifier = ? order by sequence_number", gov);

        assertThat(rows).extracting(r -> r.get("PAYLOAD_TYPE"))
                .containsExactly("govlife.GovCreated", "govlife.CitizenReferenced");
        assertThat(rows).extracting(r -> r.get("PAYLOAD_REVISION")).containsOnly("1");
        JsonNode metadata = new ObjectMapper().readTree((byte[]) rows.get(1).get("META_DATA"));
        assertThat(metadata.path("operator").asText()).isEqualTo("carol");
        assertThat(metadata.path("reason").asText()).isEqualTo("needs prices");
        assertThat(metadata.path("correlationId").asText()).isEqualTo("ticket-1234");
        assertThat(metadata.path("causationId").asText()).isNotBlank().isNotEqualTo("ticket-1234");
    }

    @Test
    void the_global_index_sequence_allocates_one_id_per_event() {
        Long increment = jdbc.queryForObject("select increment from information_schema.sequences "
                + "where lower(sequence_name) = 'domain_event_entry_seq'", Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void the_embedded_default_is_axons_jdbc_store_on_h2_in_the_data_dir_without_axon_server() throws Exception {
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBeanNamesForType(org.axonframework.axonserver.connector.AxonServerConnectionManager.class))
                .as("the Axon Server connector is off").isEmpty();
        String url = jdbc.getDataSource().getConnection().getMetaData().getURL();
        assertThat(url).startsWith("jdbc:h2:file:").contains(DATA_DIR.toString());
    }

    @Test
    void the_h2_file_is_kept_compacted_and_its_size_and_fill_are_reported() {
        // the compaction itself is H2FileCompactionTest's; here: it runs in the application, on its store
        Api.Reply size = api.asAdmin("GET", "/actuator/metrics/govlife.h2.file.size", null);
        Api.Reply fill = api.asAdmin("GET", "/actuator/metrics/govlife.h2.chunks.fill", null);

        assertThat(size.status()).isEqualTo(200);
        assertThat(size.json().at("/measurements/0/value").asDouble()).isPositive();
        assertThat(fill.json().at("/measurements/0/value").asDouble()).isBetween(0.0, 100.0);
        assertThat(context.containsBean("h2FileCompaction")).isTrue();
    }

    @Autowired
    TokenStore tokenStore;

    @Autowired
    SagaStore<?> sagaStore;

    @Test
    void tokens_and_sagas_are_in_axons_jdbc_stores_and_hibernate_is_not_in_the_application() {
        // BENCHMARKS.md: Hibernate's flush and its JPA append were most of a command's cost after H2's own commit
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThatThrownBy(() -> Class.forName("org.hibernate.Session")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("jakarta.persistence.EntityManager"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Autowired
    org.axonframework.common.transaction.TransactionManager transactionManager;

    @Test
    void h2_reads_a_gov_s_events_in_the_order_of_their_index_instead_of_sorting_the_rest_of_the_gov() {
        // not a timing: the plan of the very query the event store sent. Without "index sorted" H2 reads and sorts
        // every remaining event of the gov for each batch of 100 (BENCHMARKS.md: 3 min 16 s for a 100,000-event gov)
        String gov = uniqueGov();
        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        List<String> sent;
        try {
            transactionManager.fetchInTransaction(() -> storageEngine.readEvents(gov, 0).asStream().count());
            sent = jdbc.queryForList("select sql_statement from information_schema.query_statistics "
                    + "where lower(sql_statement) like '%from domain_event_entry%aggregate_identifier = ?%'"
                    + " and lower(sql_statement) like '%sequence_number >= ?%'", String.class);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }

        assertThat(sent).isNotEmpty().allSatisfy(sql -> assertThat(jdbc.queryForList("EXPLAIN " + sql, String.class))
                .singleElement().asString().contains("/* index sorted */"));
    }

    @Test
    void a_second_event_at_a_gov_s_sequence_number_is_a_concurrency_conflict() {
        String gov = uniqueGov();
        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}");
        api.put("/api/govs/" + gov + "/services/ATLAS", "{\"fingerprint\":\"" + fp(1) + "\"}");

        SecondAppend.isAConcurrencyConflict(storageEngine, transactionManager, gov);
    }

    @Test
    void schema_comes_from_versioned_migrations() {
        List<String> versions = jdbc.queryForList(
                "select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null order by \"installed_rank\"",
                String.class);
        assertThat(versions).startsWith("1", "2");
    }
}
