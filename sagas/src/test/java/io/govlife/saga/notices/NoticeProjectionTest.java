package io.govlife.saga.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inclusion at publication, not at drafting; metadata-only publications and docs links; idempotent writes. */
class NoticeProjectionTest {

    private static final Name GOV = Name.of("gov.one");
    private static final Name BASE = Name.of("base");
    private static final Name ORACLE = Name.of("price-oracle");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc = NoticeTables.fresh();
    /** Asks the command side's integrator directory (a stand-in here) who acme-wallet is. */
    private final NoticeProjection projection = new NoticeProjection(jdbc, new NoticeBook(jdbc,
            new IntegratorDirectoryAnswers().endpoint("gov.one", "acme-wallet", "https://acme.example/h").queries(),
            Clock.systemUTC(), "https://gov.example"));

    static Fingerprint fp(int b) {
        return Fingerprint.of(String.format("%02x", b).repeat(32));
    }

    static LatticeRef base(int fingerprint, String contact) {
        return new LatticeRef(BASE, 8453, fp(fingerprint), contact, null);
    }

    static OrganismRef oracle(String contact) {
        return new OrganismRef(ORACLE, fp(0x33), null, contact, null);
    }

    static GovConfig config(List<LatticeRef> lattices, List<OrganismRef> organisms, List<ConfluenceConfig> confluences,
                            List<ServiceRef> services) {
        return new GovConfig(GOV, lattices, organisms, confluences, services);
    }

    private EventMessage<?> published(long revision, GovConfig config, Name cutoverOf, boolean metadataOnly) {
        Fingerprint previous = revision == 1 ? null : fp(0xe0 + (int) revision - 1);
        Fingerprint root = metadataOnly ? previous : fp(0xe0 + (int) revision);
        GovConfigPublished event = new GovConfigPublished(GOV, revision, root, previous, config, null, cutoverOf,
                metadataOnly);
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        projection.on(event, message);
        return message;
    }

    private List<Map<String, Object>> inclusions() {
        return jdbc.queryForList("select citizen, target_url, status, next_attempt_at, body from notice "
                + "where kind = 'INCLUSION' order by created_at, citizen");
    }

    private JsonNode lastPublicationBody() throws Exception {
        List<String> bodies = jdbc.queryForList("select body from notice where kind = 'PUBLICATION' "
                + "order by created_at desc, id", String.class);
        return JSON.readTree(bodies.get(0));
    }

    @Test
    void the_first_publication_naming_a_citizen_tells_its_operator_by_webhook_or_lists_it_to_notify_by_hand() {
        published(1, config(List.of(base(0x11, "https://ops.base.example/hooks")),
                List.of(oracle("Oracle Ops <x>"), new OrganismRef(Name.of("second-oracle"), fp(0x34), null,
                        "ops@oracle.example", null)), List.of(), List.of()), null, false);

        List<Map<String, Object>> inclusions = inclusions();
        assertThat(inclusions).extracting(r -> r.get("CITIZEN") + " " + r.get("TARGET_URL") + " " + r.get("STATUS"))
                .containsExactlyInAnyOrder("base https://ops.base.example/hooks PENDING",
                        "price-oracle Oracle Ops <x> MANUAL",
                        "second-oracle mailto:ops@oracle.example MANUAL");
        assertThat(inclusions).filteredOn(r -> "MANUAL".equals(r.get("STATUS")))
                .allSatisfy(r -> assertThat(r.get("NEXT_ATTEMPT_AT")).isNull());
    }

    @Test
    void an_unchanged_citizen_is_not_told_again_a_replaced_one_is_and_a_cutover_is_no_inclusion() {
        ServiceRef atlas = new ServiceRef(BasicService.ATLAS, fp(0x55), "https://docs.example/atlas");
        published(1, config(List.of(base(0x11, "mailto:ops@base.example")), List.of(), List.of(), List.of()), null,
                false);
        published(2, config(List.of(base(0x11, "mailto:ops@base.example")), List.of(), List.of(), List.of(atlas)),
                null, false);
        assertThat(inclusions()).hasSize(1);

        published(3, config(List.of(base(0x12, "mailto:ops@base.example")), List.of(), List.of(), List.of(atlas)),
                BASE, false);
        assertThat(inclusions()).as("a cutover moves the fingerprint of a citizen already told").hasSize(1);

        published(4, config(List.of(base(0x13, "mailto:new-ops@base.example")), List.of(), List.of(),
                List.of(atlas)), null, false);
        assertThat(inclusions()).extracting(r -> r.get("TARGET_URL"))
                .containsExactly("mailto:ops@base.example", "mailto:new-ops@base.example");
    }

    @Test
    void the_same_publication_handled_twice_writes_nothing_twice() {
        GovConfigPublished event = new GovConfigPublished(GOV, 1, fp(0xe1), null, config(List.of(base(0x11,
                "ops@base.example")), List.of(), List.of(), List.of()), null, null, false);
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        projection.on(event, message);
        projection.on(event, message);
        assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isEqualTo(2); // acme + inclusion
    }

    @Test
    void a_metadata_only_publication_says_no_recompile_and_links_the_docs_of_what_changed() throws Exception {
        ServiceRef atlas = new ServiceRef(BasicService.ATLAS, fp(0x55), "https://docs.example/atlas");
        ConfluenceConfig bridge = new ConfluenceConfig(Name.of("bridge"), fp(0x44), List.of(BASE, ORACLE),
                "1", List.of(), "https://docs.example/bridge");
        GovConfig first = config(List.of(base(0x11, null)), List.of(oracle(null)), List.of(bridge), List.of(atlas));
        published(1, first, null, false);
        JsonNode initial = lastPublicationBody();
        assertThat(initial.path("metadataOnly").asBoolean()).isFalse();
        assertThat(initial.path("recompile").asBoolean()).isTrue();
        assertThat(initial.path("docs").findValuesAsText("name")).containsExactlyInAnyOrder("ATLAS", "bridge");
        assertThat(initial.path("docs").findValuesAsText("url")).contains("https://docs.example/bridge");

        ServiceRef atlasMoved = new ServiceRef(BasicService.ATLAS, fp(0x55), "https://docs.example/atlas/v2");
        published(2, config(List.of(base(0x11, null)), List.of(oracle(null)), List.of(bridge), List.of(atlasMoved)),
                null, true);
        JsonNode metadata = lastPublicationBody();
        assertThat(metadata.path("metadataOnly").asBoolean()).isTrue();
        assertThat(metadata.path("recompile").asBoolean()).isFalse();
        assertThat(metadata.path("docs")).hasSize(1);
        assertThat(metadata.path("docs").get(0).path("name").asText()).isEqualTo("ATLAS");
        assertThat(metadata.path("docs").get(0).path("url").asText()).isEqualTo("https://docs.example/atlas/v2");

        ConfluenceConfig upgraded = new ConfluenceConfig(Name.of("bridge"), fp(0x45), List.of(BASE, ORACLE),
                "2", List.of(), "https://docs.example/bridge/v2");
        published(3, config(List.of(base(0x11, null)), List.of(oracle(null)), List.of(upgraded),
                List.of(atlasMoved)), null, false);
        assertThat(lastPublicationBody().path("docs").findValuesAsText("url"))
                .containsExactly("https://docs.example/bridge/v2");
    }

    @Test
    void a_gov_published_before_this_record_existed_tells_only_the_citizens_never_told() {
        jdbc.update("insert into notice (id, source, gov, target_url, kind, citizen, body, created_at, status, "
                + "attempts, retry_since) values ('msg_old', 'inclusion/gov.one/base', 'gov.one', 'https://x.example', "
                + "'INCLUSION', 'base', '{}', current_timestamp, 'DELIVERED', 1, current_timestamp)");
        published(4, config(List.of(base(0x11, "https://x.example")), List.of(oracle("ops@oracle.example")),
                List.of(), List.of()), null, false);
        assertThat(inclusions()).extracting(r -> r.get("CITIZEN")).containsExactly("base", "price-oracle");
        assertThat(jdbc.queryForObject("select count(*) from notice where kind = 'INCLUSION' and citizen = 'base'",
                Long.class)).isEqualTo(1);
    }
}
