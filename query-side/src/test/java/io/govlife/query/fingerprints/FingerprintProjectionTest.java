package io.govlife.query.fingerprints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import io.govlife.query.fingerprints.FingerprintLookup.Kind;
import io.govlife.query.fingerprints.FingerprintLookup.Match;
import io.govlife.query.fingerprints.FingerprintLookup.Status;
import io.govlife.query.support.ProjectionHarness;
import io.govlife.query.support.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.BRIDGE_V1;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.ORACLE;
import static io.govlife.query.support.Events.ZORA_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.fp;
import static io.govlife.query.support.Events.published;
import static org.assertj.core.api.Assertions.assertThat;

/** The lookup's rules on a real H2 read model fed real events, without the application around it. */
class FingerprintProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private FingerprintLookups lookups;
    private FingerprintAnswers answers;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    // 1: base, zora, bridge, atlas · 2: base's cutover · 3: atlas docs moved (metadata only) · 4: zora dropped
    // 5: zora back at its first fingerprint, with the price oracle
    private final GovConfig one = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ATLAS);
    private final GovConfig two = one.with(BASE_LATTICE.withFingerprint(fp(0x99)));
    private final GovConfig three = two.with(new ServiceRef(BasicService.ATLAS, ATLAS.fingerprint(),
            "https://docs.example/atlas/v2"));
    private final GovConfig four = three.without(ZORA_LATTICE.name());
    private final GovConfig five = four.with(ZORA_LATTICE).with(ORACLE);

    @BeforeEach
    void setUp() {
        FingerprintRepository repository = new FingerprintRepository(harness.jdbc());
        lookups = new FingerprintLookups(repository);
        answers = new FingerprintAnswers(lookups, json, Settings.recheckingNever());
        harness.feeding(new FingerprintProjection(repository, answers));
        harness.publish(created(), published(1, null, one, "first"),
                new GovConfigPublished(GOV, 2, two.fingerprint(), one.fingerprint(), two, "cutover of base", BASE,
                        false),
                new GovConfigPublished(GOV, 3, three.fingerprint(), two.fingerprint(), three, "docs moved", null,
                        true),
                published(4, three, four, "zora misbehaves"),
                published(5, four, five, "zora is back"));
    }

    @Test
    void a_served_answer_stands_until_the_gov_publishes_or_retires_and_is_the_lookup_as_json() throws Exception {
        String root = five.fingerprint().hex();
        FingerprintAnswers.Served served = answers.lookUp(root.toUpperCase(java.util.Locale.ROOT)).orElseThrow();
        assertThat(new String(served.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(lookups.lookUp(root).orElseThrow()));
        assertThat(json.readTree(served.body()).at("/matches/0/status").asText()).isEqualTo("CURRENT");
        assertThat(answers.lookUp(root)).as("one answer whatever the case").containsSame(served);

        harness.publish(published(6, five, four, "oracle and zora out again"));
        FingerprintAnswers.Served superseded = answers.lookUp(root).orElseThrow();
        assertThat(json.readTree(superseded.body()).at("/matches/0/status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.etag()).isNotEqualTo(served.etag());

        harness.publish(new GovRetired(GOV, 6L, four.fingerprint(), List.of()));
        assertThat(json.readTree(answers.lookUp(root).orElseThrow().body()).at("/matches/0/status").asText())
                .isEqualTo("RETIRED");
        assertThat(answers.lookUp(fp(0x42).hex())).isEmpty();
    }

    @Test
    void a_superseded_root_names_what_superseded_it_and_every_change_since_with_reason_and_cutover() {
        Match match = only(one.fingerprint().hex());

        assertThat(match.kind()).isEqualTo(Kind.GOV_ROOT);
        assertThat(match.citizen()).isNull();
        assertThat(match.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(match.revisions()).containsExactly(1L);
        assertThat(match.supersededBy().revision()).isEqualTo(2);
        assertThat(match.supersededBy().fingerprint()).isEqualTo(two.fingerprint().hex());
        assertThat(match.changesSince()).extracting(FingerprintLookup.Change::revision)
                .containsExactly(2L, 3L, 4L, 5L);
        FingerprintLookup.Change cutover = match.changesSince().get(0);
        assertThat(cutover.cutoverOf()).isEqualTo("base");
        assertThat(cutover.reason()).isEqualTo("cutover of base");
        assertThat(cutover.what()).contains("changed lattice base").contains(fp(0x99).hex());
        assertThat(match.changesSince().get(1).metadataOnly()).isTrue();
        assertThat(match.changesSince().get(1).what()).contains("no recompile needed");
    }

    @Test
    void a_metadata_revision_keeps_the_root_instead_of_superseding_it() {
        assertThat(two.fingerprint()).isEqualTo(three.fingerprint());
        Match match = only(two.fingerprint().hex());

        assertThat(match.revisions()).containsExactly(2L, 3L);
        assertThat(match.supersededBy().revision()).as("by the drop, not by the docs link").isEqualTo(4);
        assertThat(match.changesSince()).extracting(FingerprintLookup.Change::revision).containsExactly(4L, 5L);
    }

    @Test
    void a_fingerprint_that_came_back_lists_the_revisions_of_both_runs_and_is_current() {
        Match zora = only(ZORA_LATTICE.fingerprint().hex());

        assertThat(zora.kind()).isEqualTo(Kind.CITIZEN);
        assertThat(zora.citizen()).isEqualTo("zora");
        assertThat(zora.revisions()).containsExactly(1L, 2L, 3L, 5L);
        assertThat(zora.status()).isEqualTo(Status.CURRENT);
        assertThat(zora.supersededBy()).isNull();
        assertThat(zora.changesSince()).isEmpty();
    }

    @Test
    void a_root_published_again_is_current_again() {
        harness.publish(published(6, five, four, "oracle and zora out again"));

        Match match = only(four.fingerprint().hex());
        assertThat(match.revisions()).containsExactly(4L, 6L);
        assertThat(match.status()).isEqualTo(Status.CURRENT);
        assertThat(match.changesSince()).isEmpty();
        assertThat(only(five.fingerprint().hex()).supersededBy().revision()).isEqualTo(6);
    }

    @Test
    void a_bumped_citizen_is_superseded_by_its_cutover_and_services_are_looked_up_too() {
        Match base = only(BASE_LATTICE.fingerprint().hex());
        assertThat(base.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(base.revisions()).containsExactly(1L);
        assertThat(base.supersededBy().revision()).isEqualTo(2);
        assertThat(base.changesSince().get(0).cutoverOf()).isEqualTo("base");

        Match atlas = only(ATLAS.fingerprint().hex());
        assertThat(atlas.kind()).isEqualTo(Kind.SERVICE);
        assertThat(atlas.citizen()).isEqualTo("ATLAS");
        assertThat(atlas.revisions()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void retirement_retires_every_fingerprint_of_the_gov_current_or_not() {
        assertThat(only(BRIDGE_V1.fingerprint().hex()).status()).isEqualTo(Status.CURRENT);

        harness.publish(new GovRetired(GOV, 5L, five.fingerprint(), List.of()));

        Match current = only(five.fingerprint().hex());
        assertThat(current.status()).isEqualTo(Status.RETIRED);
        assertThat(current.retiredAt()).isNotNull();
        assertThat(current.supersededBy()).isNull();
        Match old = only(one.fingerprint().hex());
        assertThat(old.status()).isEqualTo(Status.RETIRED);
        assertThat(old.supersededBy().revision()).isEqualTo(2);
    }

    @Test
    void a_fingerprint_never_published_is_unknown_and_a_reset_empties_the_read_model() {
        assertThat(lookups.lookUp(fp(0x77).hex())).isEmpty();
        harness.reset();
        assertThat(lookups.lookUp(one.fingerprint().hex())).isEmpty();
        assertThat(harness.jdbc().queryForObject("select count(*) from fingerprint_gov", Long.class)).isZero();
    }

    private Match only(String fingerprint) {
        FingerprintLookup lookup = lookups.lookUp(fingerprint).orElseThrow();
        assertThat(lookup.matches()).hasSize(1);
        return lookup.matches().get(0);
    }
}
