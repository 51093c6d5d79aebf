package io.govlife.query.audit;

import io.govlife.events.gov.GovConfig;
import io.govlife.query.support.ProjectionHarness;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.ZORA_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.published;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

class AuditProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    @Test
    void records_every_event_with_who_why_when_and_correlation() {
        fedWith(new AuditSigningKey(new byte[32]));
        GovConfig first = config(BASE_LATTICE);
        harness.publish(created());
        harness.publish(referenced(BASE_LATTICE, first), MetaData.with("operator", "bob")
                .and("reason", "Base joins").and("correlationId", "req-7").and("causationId", "cmd-7"));
        harness.publish(published(1, null, first, null));

        List<Map<String, Object>> rows = harness.jdbc().queryForList(
                "select * from audit_entry order by sequence_number");
        assertThat(rows).extracting(r -> r.get("EVENT_TYPE"))
                .containsExactly("GovCreated", "CitizenReferenced", "GovConfigPublished");
        Map<String, Object> reference = rows.get(1);
        assertThat(reference.get("OPERATOR")).isEqualTo("bob");
        assertThat(reference.get("REASON")).isEqualTo("Base joins");
        assertThat(reference.get("CORRELATION_ID")).isEqualTo("req-7");
        assertThat(reference.get("CAUSATION_ID")).isEqualTo("cmd-7");
        assertThat(reference.get("CITIZEN")).isEqualTo("base");
        assertThat((String) reference.get("SUMMARY")).contains("lattice base");
        assertThat((String) reference.get("PAYLOAD")).contains("\"chainId\":8453");
        assertThat(rows.get(2).get("CITIZEN")).isNull();
        // each line sealed as it was appended, chained like the export's lines and under the audit key
        List<Map<String, Object>> seals = harness.jdbc().queryForList(
                "select line_hash, seal from audit_seal order by sequence_number");
        assertThat(seals).hasSize(3);
        AuditSigningKey key = new AuditSigningKey(new byte[32]);
        assertThat(seals).allSatisfy(seal -> assertThat(seal.get("SEAL"))
                .isEqualTo(key.seal((String) seal.get("LINE_HASH"))));
    }

    @Test
    void a_batch_of_events_lands_as_one_row_each_when_the_batch_commits() {
        fedWith(new AuditSigningKey(new byte[32]));
        harness.publish(created());
        GovConfig first = config(BASE_LATTICE);
        GovConfig second = config(BASE_LATTICE, ZORA_LATTICE);

        harness.publishBatch(referenced(BASE_LATTICE, first), referenced(ZORA_LATTICE, second),
                published(1, null, second, null));

        assertThat(harness.jdbc().queryForList("select sequence_number, event_type, citizen, operator "
                + "from audit_entry order by sequence_number")).extracting(r -> List.of(r.get("SEQUENCE_NUMBER"),
                r.get("EVENT_TYPE"), String.valueOf(r.get("CITIZEN")), r.get("OPERATOR"))).containsExactly(
                List.of(0L, "GovCreated", "null", "alice"), List.of(1L, "CitizenReferenced", "base", "alice"),
                List.of(2L, "CitizenReferenced", "zora", "alice"), List.of(3L, "GovConfigPublished", "null", "alice"));
    }

    private AuditSigningKey fedWith(AuditSigningKey key) {
        harness.feeding(new AuditProjection(new AuditRepository(harness.jdbc(), key)));
        return key;
    }

    private void threeEvents() {
        harness.publish(created(), referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)));
    }

    private List<String> lineHashes() {
        return harness.jdbc().queryForList("select line_hash from audit_seal order by sequence_number", String.class);
    }

    @Test
    void a_rebuild_keeps_every_seal_as_first_seen_and_chains_an_unsealed_line_to_the_seal_before_it() {
        AuditSigningKey key = fedWith(new AuditSigningKey(new byte[32]));
        threeEvents();
        // as if line 1 had been seen otherwise when first appended, and line 2 appended but never sealed
        harness.jdbc().update("update audit_seal set line_hash = 'as-first-seen', seal = ? where sequence_number = 1",
                key.seal("as-first-seen"));
        harness.jdbc().update("delete from audit_seal where sequence_number = 2");
        String first = lineHashes().get(0);

        harness.replay();

        assertThat(harness.jdbc().queryForList("select sequence_number from audit_entry order by sequence_number",
                Long.class)).containsExactly(0L, 1L, 2L);
        String line = AuditChain.hash(AuditLines.line(harness.published().get(2), "as-first-seen"));
        assertThat(lineHashes()).containsExactly(first, "as-first-seen", line);
        assertThat(harness.jdbc().queryForObject("select seal from audit_seal where sequence_number = 2", String.class))
                .isEqualTo(key.seal(line));
    }

    @Test
    void a_line_is_not_chained_to_a_stored_hash_its_seal_no_longer_vouches_for() {
        AuditSigningKey key = fedWith(new AuditSigningKey(new byte[32]));
        threeEvents();
        harness.jdbc().update("update audit_seal set line_hash = 'edited in the table' where sequence_number = 1");
        harness.jdbc().update("delete from audit_seal where sequence_number = 2");

        harness.replay();

        assertThat(harness.jdbc().queryForList("select sequence_number from audit_seal order by sequence_number",
                Long.class)).containsExactly(0L, 1L);
        assertThat(key.seal("edited in the table")).isNotEqualTo(harness.jdbc().queryForObject(
                "select seal from audit_seal where sequence_number = 1", String.class));
    }

    @Test
    void a_rebuild_of_a_sealed_log_renders_and_seals_no_line_again() {
        AtomicInteger sealed = new AtomicInteger();
        AuditSigningKey counting = new AuditSigningKey(new byte[32]) {
            @Override
            String seal(String lineHash) {
                sealed.incrementAndGet();
                return super.seal(lineHash);
            }
        };
        fedWith(counting);
        threeEvents();
        List<String> before = lineHashes();
        int live = sealed.get(); // each line sealed, and the seal before it checked
        assertThat(live).isPositive();

        harness.replay();

        assertThat(sealed).as("seals made or checked by the rebuild").hasValue(live);
        assertThat(lineHashes()).isEqualTo(before);
    }

    @Test
    void a_line_that_cannot_be_rendered_is_left_unsealed_with_the_lines_after_it_and_every_row_still_lands() {
        fedWith(new AuditSigningKey(new byte[32]));
        harness.publish(created());
        // no event type of ours fails to render; a metadata value Jackson cannot write stands in for one that would
        harness.publish(referenced(BASE_LATTICE, config(BASE_LATTICE)),
                MetaData.with("operator", "bob").and("unwritable", new Object()));
        harness.publishBatch(referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)));

        assertThat(harness.jdbc().queryForList("select sequence_number from audit_entry order by sequence_number",
                Long.class)).containsExactly(0L, 1L, 2L);
        // line 2 would chain to line 1, which cannot be known
        assertThat(harness.jdbc().queryForList("select sequence_number from audit_seal order by sequence_number",
                Long.class)).containsExactly(0L);
    }

    @Test
    void a_line_whose_predecessor_was_never_sealed_stays_unsealed_until_a_rebuild_seals_the_chain_from_its_start() {
        fedWith(new AuditSigningKey(new byte[32]));
        harness.publish(created());
        // as if the gov had been created before sealing began
        harness.jdbc().update("delete from audit_seal");

        harness.publish(referenced(BASE_LATTICE, config(BASE_LATTICE)));
        harness.publishBatch(referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)));
        assertThat(lineHashes()).isEmpty();

        harness.replay();
        List<String> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (var event : harness.published()) {
            previous = AuditChain.hash(AuditLines.line(event, previous));
            chain.add(previous);
        }
        assertThat(lineHashes()).isEqualTo(chain);
    }
}
