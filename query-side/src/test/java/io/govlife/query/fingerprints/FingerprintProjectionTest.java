package io.govlife.query.fingerprints;

import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import io.govlife.query.support.ProjectionHarness;
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

class FingerprintProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private FingerprintLookups lookups;

    // 1: base, zora, bridge, atlas · 2: base bumped (cutover) · 3: atlas docs moved (metadata only)
    // 4: zora dropped · 5: zora back at its first fingerprint, and the price oracle
    private final GovConfig one = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ATLAS);
    private final LatticeRef bumped = BASE_LATTICE.withFingerprint(fp(0x99));
    private final GovConfig two = one.with(bumped);
    private final GovConfig three = two.with(new ServiceRef(BasicService.ATLAS, ATLAS.fingerprint(),
            "https://docs.example/atlas/v2"));
    private final GovConfig four = three.without(ZORA_LATTICE.name());
    private final GovConfig five = four.with(ZORA_LATTICE).with(ORACLE);

    @BeforeEach
    void setUp() {
        FingerprintRepository repository = new FingerprintRepository(harness.jdbc());
        lookups = new FingerprintLookups(repository);
        harness.feeding(new FingerprintProjection(repository));
        harness.publish(created(), published(1, null, one, "first"),
                new GovConfigPublished(GOV, 2, two.fingerprint(), one.fingerprint(), two, "cutover of base", BASE),
                new GovConfigPublished(GOV, 3, three.fingerprint(), two.fingerprint(), three, "docs moved", null),
                published(4, three, four, "zora misbehaves"),
                published(5, four, five, "zora is back"));
    }

    @Test
    void a_superseded_root_names_what_superseded_it_and_every_change_since_with_reason_and_cutover() {
        FingerprintLookup.Match match = only(one.fingerprint().hex());

        assertThat(match.kind()).isEqualTo(FingerprintLookup.Kind.GOV_ROOT);
        assertThat(match.citizen()).isNull();
        assertThat(match.status()).isEqualTo(FingerprintLookup.Status.SUPERSEDED);
        assertThat(match.revisions()).containsExactly(new FingerprintLookup.Revisions(1, 1));
        assertThat(match.supersededBy().revision()).isEqualTo(2);
        assertThat(match.supersededBy().fingerprint()).isEqualTo(two.fingerprint().hex());
        assertThat(match.changesSince()).extracting(FingerprintLookup.Change::revision).containsExactly(2L, 3L, 4L, 5L);
        FingerprintLookup.Change cutover = match.changesSince().get(0);
        assertThat(cutover.cutoverOf()).isEqualTo("base");
        assertThat(cutover.reason()).isEqualTo("cutover of base");
        assertThat(cutover.what()).contains("changed lattice base").contains(fp(0x99).hex());
        assertThat(match.changesSince().get(1).metadataOnly()).isTrue();
        assertThat(match.changesSince().get(1).what()).startsWith("metadata only");
        assertThat(match.currentRevision()).isEqualTo(5);
        assertThat(match.currentFingerprint()).isEqualTo(five.fingerprint().hex());
    }

    @Test
    void a_metadata_revision_keeps_the_root_current_instead_of_superseding_it() {
        assertThat(two.fingerprint()).isEqualTo(three.fingerprint());
        FingerprintLookup.Match match = only(two.fingerprint().hex());

        assertThat(match.revisions()).containsExactly(new FingerprintLookup.Revisions(2, 3));
        assertThat(match.status()).isEqualTo(FingerprintLookup.Status.SUPERSEDED);
        assertThat(match.supersededBy().revision()).as("by the drop, not by the docs link").isEqualTo(4);
        assertThat(match.changesSince()).extracting(FingerprintLookup.Change::revision).containsExactly(4L, 5L);
    }

    @Test
    void a_fingerprint_that_came_back_lists_both_runs_and_is_current() {
        FingerprintLookup.Match zora = only(ZORA_LATTICE.fingerprint().hex());

        assertThat(zora.kind()).isEqualTo(FingerprintLookup.Kind.CITIZEN);
        assertThat(zora.citizen()).isEqualTo("zora");
        assertThat(zora.citizenKind()).isEqualTo("LATTICE");
        assertThat(zora.revisions()).containsExactly(new FingerprintLookup.Revisions(1, 3),
                new FingerprintLookup.Revisions(5, 5));
        assertThat(zora.status()).isEqualTo(FingerprintLookup.Status.CURRENT);
        assertThat(zora.supersededBy()).isNull();
        assertThat(zora.changesSince()).isEmpty();
        // zora came back, but not the gov root of revision 3: the oracle joined too
        assertThat(lookups.find(five.fingerprint().hex()).orElseThrow().matches().get(0).revisions())
                .containsExactly(new FingerprintLookup.Revisions(5, 5));
    }

    @Test
    void a_root_published_again_is_current_again_and_lists_both_runs() {
        harness.publish(published(6, five, four, "oracle and zora out again"));

        FingerprintLookup.Match match = only(four.fingerprint().hex());
        assertThat(match.revisions()).containsExactly(new FingerprintLookup.Revisions(4, 4),
                new FingerprintLookup.Revisions(6, 6));
        assertThat(match.status()).isEqualTo(FingerprintLookup.Status.CURRENT);
        assertThat(match.changesSince()).isEmpty();
        assertThat(only(five.fingerprint().hex()).supersededBy().revision()).isEqualTo(6);
    }

    @Test
    void a_bumped_citizen_names_the_fingerprint_it_moved_to_and_services_are_looked_up_too() {
        FingerprintLookup.Match base = only(BASE_LATTICE.fingerprint().hex());
        assertThat(base.status()).isEqualTo(FingerprintLookup.Status.SUPERSEDED);
        assertThat(base.supersededBy().citizenFingerprint()).isEqualTo(fp(0x99).hex());
        assertThat(base.supersededBy().fingerprint()).isEqualTo(two.fingerprint().hex());
        assertThat(base.changesSince().get(0).cutoverOf()).isEqualTo("base");

        FingerprintLookup.Match atlas = only(ATLAS.fingerprint().hex());
        assertThat(atlas.citizen()).isEqualTo("ATLAS");
        assertThat(atlas.citizenKind()).isEqualTo("SERVICE");
        assertThat(atlas.revisions()).containsExactly(new FingerprintLookup.Revisions(1, 5));
    }

    @Test
    void a_dropped_citizen_has_no_fingerprint_after_and_retirement_retires_everything() {
        assertThat(only(BRIDGE_V1.fingerprint().hex()).status()).isEqualTo(FingerprintLookup.Status.CURRENT);

        harness.publish(new GovRetired(GOV, 5L, five.fingerprint(), List.of()));

        FingerprintLookup.Match current = only(five.fingerprint().hex());
        assertThat(current.status()).isEqualTo(FingerprintLookup.Status.RETIRED);
        assertThat(current.retiredAt()).isNotNull();
        assertThat(current.supersededBy()).isNull();
        FingerprintLookup.Match old = only(one.fingerprint().hex());
        assertThat(old.status()).isEqualTo(FingerprintLookup.Status.RETIRED);
        assertThat(old.supersededBy().revision()).isEqualTo(2);
    }

    @Test
    void drafts_are_never_looked_up_and_a_reset_empties_the_read_model() {
        assertThat(lookups.find(fp(0x77).hex())).isEmpty();
        harness.reset();
        assertThat(lookups.find(one.fingerprint().hex())).isEmpty();
        assertThat(harness.jdbc().queryForObject("select count(*) from fingerprint_gov", Long.class)).isZero();
    }

    @Test
    void the_entity_tag_changes_when_a_matched_gov_publishes_or_retires() {
        String before = FingerprintLookups.etag(lookups.find(one.fingerprint().hex()).orElseThrow());
        assertThat(FingerprintLookups.etag(lookups.find(one.fingerprint().hex()).orElseThrow())).isEqualTo(before);
        harness.publish(new GovRetired(GOV, 5L, five.fingerprint(), List.of()));
        assertThat(FingerprintLookups.etag(lookups.find(one.fingerprint().hex()).orElseThrow())).isNotEqualTo(before);
    }

    private FingerprintLookup.Match only(String fingerprint) {
        FingerprintLookup lookup = lookups.find(fingerprint).orElseThrow();
        assertThat(lookup.matches()).hasSize(1);
        return lookup.matches().get(0);
    }
}
