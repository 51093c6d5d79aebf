package io.govlife.command.gov;

import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfirmConfluence;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.govlife.command.gov.GovTest.BASE;
import static io.govlife.command.gov.GovTest.BASE_LATTICE;
import static io.govlife.command.gov.GovTest.BRIDGE;
import static io.govlife.command.gov.GovTest.GOV;
import static io.govlife.command.gov.GovTest.NOW;
import static io.govlife.command.gov.GovTest.ORACLE;
import static io.govlife.command.gov.GovTest.ORACLE_ORGANISM;
import static io.govlife.command.gov.GovTest.ZORA;
import static io.govlife.command.gov.GovTest.ZORA_LATTICE;
import static io.govlife.command.gov.GovTest.commissioned;
import static io.govlife.command.gov.GovTest.config;
import static io.govlife.command.gov.GovTest.created;
import static io.govlife.command.gov.GovTest.expectRule;
import static io.govlife.command.gov.GovTest.fp;
import static io.govlife.command.gov.GovTest.referenced;

/**
 * DOMAIN.md "Consistency rules (v2)", one hole of issue 19 at a time, as plain given/when/expect cases; the
 * model-based {@link GovInvariantsTest} checks the rules on random sequences (and fails on the Gov before the
 * rewrite: docs/consistency.md).
 */
class ConsistencyRulesTest {

    /** bridge over all three citizens, and its upgrade without the oracle. */
    static final ConfluenceConfig WIDE = new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE, ZORA, ORACLE), "1",
            List.of());
    static final ConfluenceConfig WIDE_WITHOUT_ORACLE = new ConfluenceConfig(BRIDGE, fp(0x46), List.of(BASE, ZORA),
            "2", List.of());
    static final LatticeRef BASE_BUMPED = BASE_LATTICE.withFingerprint(fp(0x99));
    static final Instant CUTOVER = NOW.plus(Duration.ofDays(2));

    private AggregateTestFixture<Gov> fixture;
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void setUp() {
        fixture = GovTest.fixtureWith(clock);
    }

    /** base, zora, the oracle and bridge over all three, published as revision 1. */
    static Object[] publishedWide() {
        return GovTest.composedAndPublished(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE);
    }

    static FingerprintBumpScheduled baseBumped() {
        GovConfig published = config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE);
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), CUTOVER,
                config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint(), List.of(BRIDGE),
                published.fingerprint());
    }

    static CitizenDropped oracleDropped() {
        return new CitizenDropped(GOV, ORACLE, CitizenKind.ORGANISM, List.of(BRIDGE),
                config(BASE_LATTICE, ZORA_LATTICE, WIDE).fingerprint());
    }

    static Object[] with(Object[] events, Object... more) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + more.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    @Test
    void an_upgrade_of_a_confluence_made_stale_mid_bump_is_held_for_the_cutover_not_drafted() {
        Fingerprint expected = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE_WITHOUT_ORACLE).fingerprint();
        fixture.given(with(publishedWide(), baseBumped(), oracleDropped()))
                .when(new UpgradeConfluence(GOV, WIDE_WITHOUT_ORACLE, null))
                .expectEvents(new ConfluenceUpgradeHeld(GOV, WIDE_WITHOUT_ORACLE, BASE),
                        new CutoverFingerprintRevised(GOV, BASE, CUTOVER, baseBumped().expectedGovFingerprint(),
                                expected));
    }

    @Test
    void the_cutover_publishes_the_bumped_lattice_with_the_upgraded_confluence_never_the_old_one() {
        GovConfig cutover = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE_WITHOUT_ORACLE);
        clock.set(CUTOVER);
        fixture.given(with(publishedWide(), baseBumped(), oracleDropped(),
                        new ConfluenceUpgradeHeld(GOV, WIDE_WITHOUT_ORACLE, BASE),
                        new CutoverFingerprintRevised(GOV, BASE, CUTOVER, baseBumped().expectedGovFingerprint(),
                                cutover.fingerprint())))
                .when(new CutOverFingerprint(GOV, BASE))
                .expectEvents(new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(WIDE_WITHOUT_ORACLE),
                                config(BASE_BUMPED, ZORA_LATTICE, WIDE_WITHOUT_ORACLE).fingerprint(), List.of()),
                        new GovConfigPublished(GOV, 2, cutover.fingerprint(),
                                config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint(), cutover,
                                "Cutover of base to fingerprint " + fp(0x99), BASE));
    }

    @Test
    void an_upgrade_held_for_a_cutover_may_not_span_a_citizen_only_the_draft_names() {
        LatticeRef mode = new LatticeRef(Name.of("mode"), 34443, fp(0x66), null, null);
        ConfluenceConfig overMode = new ConfluenceConfig(BRIDGE, fp(0x47), List.of(BASE, Name.of("mode")),
                "2", List.of());
        expectRule(fixture.given(with(publishedWide(), baseBumped(),
                        referenced(mode, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, mode)))
                .when(new UpgradeConfluence(GOV, overMode, null)), Rule.UPGRADE_SPANS_UNPUBLISHED, "spans[1]");
    }

    @Test
    void a_bump_of_a_citizen_replaced_in_the_draft_is_refused_until_that_is_published() {
        LatticeRef baseElsewhere = new LatticeRef(BASE, 8453, fp(0x12), "ops@base.example", null);
        expectRule(fixture.given(with(publishedWide(), new CitizenReplaced(GOV, BASE, baseElsewhere, List.of(BRIDGE),
                        config(baseElsewhere, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint())))
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), CUTOVER, null)), Rule.CITIZEN_CHANGED_IN_DRAFT,
                "citizen");
    }

    @Test
    void re_submitting_a_stale_confluences_body_records_nothing_and_it_stays_stale() {
        LatticeRef zoraElsewhere = ZORA_LATTICE.withFingerprint(fp(0x23));
        Object[] replaced = with(publishedWide(), new CitizenReplaced(GOV, ZORA, zoraElsewhere, List.of(BRIDGE),
                config(BASE_LATTICE, zoraElsewhere, ORACLE_ORGANISM, WIDE).fingerprint()));
        fixture.given(replaced).when(new UpgradeConfluence(GOV, WIDE, null)).expectNoEvents();
        expectRule(fixture.given(replaced).when(new PublishGovConfig(GOV, null, null)), Rule.STALE_CONFLUENCES,
                "confluences");
    }

    @Test
    void a_confirmation_clears_the_staleness_a_replacement_caused() {
        LatticeRef zoraElsewhere = ZORA_LATTICE.withFingerprint(fp(0x23));
        GovConfig draft = config(BASE_LATTICE, zoraElsewhere, ORACLE_ORGANISM, WIDE);
        Object[] replaced = with(publishedWide(), new CitizenReplaced(GOV, ZORA, zoraElsewhere, List.of(BRIDGE),
                draft.fingerprint()));
        fixture.given(replaced).when(new ConfirmConfluence(GOV, BRIDGE, null))
                .expectEvents(new ConfluenceConfirmed(GOV, WIDE, draft.fingerprint()));
        fixture.given(with(replaced, new ConfluenceConfirmed(GOV, WIDE, draft.fingerprint())))
                .when(new PublishGovConfig(GOV, null, null))
                .expectEvents(new GovConfigPublished(GOV, 2, draft.fingerprint(),
                        config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint(), draft, null, null));
    }

    @Test
    void nothing_to_confirm_when_nothing_changed_under_the_confluence() {
        expectRule(fixture.given(publishedWide()).when(new ConfirmConfluence(GOV, BRIDGE, null)),
                Rule.CONFLUENCE_NOT_STALE, "name");
    }

    @Test
    void a_confluence_spanning_a_dropped_citizen_needs_an_upgrade_not_a_confirmation() {
        expectRule(fixture.given(with(publishedWide(), oracleDropped()))
                .when(new ConfirmConfluence(GOV, BRIDGE, null)), Rule.CONFLUENCE_SPANS_MISSING, "spans[2]");
    }

    @Test
    void a_confirmation_unblocks_a_blocked_cutover_which_publishes_at_once() {
        GovConfig cutover = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE);
        clock.set(CUTOVER.plusSeconds(1));
        fixture.given(with(publishedWide(), baseBumped(), new FingerprintCutoverBlocked(GOV, BASE, List.of(BRIDGE))))
                .when(new ConfirmConfluence(GOV, BRIDGE, null))
                .expectEvents(new ConfluenceConfirmed(GOV, WIDE, config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM,
                                WIDE).fingerprint()),
                        new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(WIDE),
                                cutover.fingerprint(), List.of()),
                        new GovConfigPublished(GOV, 2, cutover.fingerprint(),
                                config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint(), cutover,
                                "Cutover of base to fingerprint " + fp(0x99), BASE));
    }

    @Test
    void one_upgrade_recorded_after_two_bumps_were_scheduled_counts_for_both() {
        LatticeRef zoraBumped = ZORA_LATTICE.withFingerprint(fp(0x98));
        FingerprintBumpScheduled zoraBump = new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), CUTOVER,
                config(BASE_LATTICE, zoraBumped, ORACLE_ORGANISM, WIDE).fingerprint(), List.of(BRIDGE),
                config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint());
        ConfluenceConfig upgraded = new ConfluenceConfig(BRIDGE, fp(0x48), List.of(BASE, ZORA, ORACLE), "3",
                List.of());
        GovConfig baseCutover = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, upgraded);
        clock.set(CUTOVER);
        fixture.given(with(publishedWide(), baseBumped(), zoraBump,
                        new ConfluenceUpgradeHeld(GOV, upgraded, BASE),
                        new CutoverFingerprintRevised(GOV, BASE, CUTOVER, baseBumped().expectedGovFingerprint(),
                                baseCutover.fingerprint()),
                        new CutoverFingerprintRevised(GOV, ZORA, CUTOVER, zoraBump.expectedGovFingerprint(),
                                config(BASE_LATTICE, zoraBumped, ORACLE_ORGANISM, upgraded).fingerprint())))
                .when(new CutOverFingerprint(GOV, BASE))
                .expectEvents(new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(upgraded),
                                baseCutover.fingerprint(), List.of()),
                        new GovConfigPublished(GOV, 2, baseCutover.fingerprint(),
                                config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint(), baseCutover,
                                "Cutover of base to fingerprint " + fp(0x99), BASE),
                        // zora's cutover now starts from revision 2, which carries the upgrade already
                        new CutoverFingerprintRevised(GOV, ZORA, CUTOVER,
                                config(BASE_LATTICE, zoraBumped, ORACLE_ORGANISM, upgraded).fingerprint(),
                                config(BASE_BUMPED, zoraBumped, ORACLE_ORGANISM, upgraded).fingerprint()));
    }

    @Test
    void a_draft_only_confluence_spanning_a_bumped_citizen_goes_stale_at_its_cutover() {
        ConfluenceConfig draftOnly = new ConfluenceConfig(Name.of("ferry"), fp(0x4a), List.of(BASE, ZORA), "1",
                List.of());
        GovConfig publishedConfig = config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE);
        GovConfig cutover = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE);
        expectRule(fixture.given(with(publishedWide(),
                        commissioned(draftOnly, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, draftOnly),
                        baseBumped(),
                        new ConfluenceConfirmed(GOV, WIDE, publishedConfig.fingerprint()),
                        new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(WIDE),
                                config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, draftOnly).fingerprint()),
                        new GovConfigPublished(GOV, 2, cutover.fingerprint(), publishedConfig.fingerprint(), cutover,
                                "Cutover of base", BASE)))
                .when(new PublishGovConfig(GOV, null, null)), Rule.STALE_CONFLUENCES, "confluences");
    }

    // ---- counterexamples GovInvariantsTest found, kept as plain regressions

    /** A confluence not spanning the bumped citizen when published, upgraded to span it: held, then dropped. */
    @Test
    void dropping_a_confluence_whose_upgrade_was_held_revises_the_announced_root_back() {
        ConfluenceConfig ferry = new ConfluenceConfig(Name.of("ferry"), fp(0x4b), List.of(ZORA, ORACLE), "1",
                List.of());
        ConfluenceConfig ferryOverBase = new ConfluenceConfig(Name.of("ferry"), fp(0x4c), List.of(BASE, ZORA),
                "2", List.of());
        GovConfig published = config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, ferry);
        GovConfig withHeld = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, ferryOverBase);
        GovConfig withoutHeld = config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, ferry);
        fixture.given(created(),
                        referenced(BASE_LATTICE, BASE_LATTICE),
                        referenced(ZORA_LATTICE, BASE_LATTICE, ZORA_LATTICE),
                        referenced(ORACLE_ORGANISM, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM),
                        commissioned(WIDE, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE),
                        commissioned(ferry, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, ferry),
                        new GovConfigPublished(GOV, 1, published.fingerprint(), null, published, null, null),
                        new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), CUTOVER,
                                config(BASE_BUMPED, ZORA_LATTICE, ORACLE_ORGANISM, WIDE, ferry).fingerprint(),
                                List.of(BRIDGE), published.fingerprint()),
                        new ConfluenceUpgradeHeld(GOV, ferryOverBase, BASE),
                        new CutoverFingerprintRevised(GOV, BASE, CUTOVER, withoutHeld.fingerprint(),
                                withHeld.fingerprint()))
                .when(new io.govlife.events.citizen.DropCitizen(GOV, Name.of("ferry"), null))
                .expectEvents(new CitizenDropped(GOV, Name.of("ferry"), CitizenKind.CONFLUENCE, List.of(),
                                config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, WIDE).fingerprint()),
                        new CutoverFingerprintRevised(GOV, BASE, CUTOVER, withHeld.fingerprint(),
                                withoutHeld.fingerprint()));
    }

    /**
     * An upgrade held for zora's bump spans the oracle, whose own bump was scheduled after the upgrade and has cut
     * over since: applied at zora's cutover it would pair the new oracle with a confluence recorded before it, so it
     * is not applied, and the published bridge over zora blocks the cutover.
     */
    @Test
    void a_held_upgrade_recorded_before_another_spanned_citizens_bump_is_not_applied() {
        ConfluenceConfig narrow = new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE, ZORA), "1", List.of());
        ConfluenceConfig overOracle = new ConfluenceConfig(BRIDGE, fp(0x49), List.of(BASE, ORACLE), "2", List.of());
        GovConfig first = config(BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, narrow);
        GovConfig oracleBumped = first.withFingerprint(ORACLE, fp(0x97));
        clock.set(CUTOVER);
        fixture.given(created(),
                        referenced(BASE_LATTICE, BASE_LATTICE),
                        referenced(ZORA_LATTICE, BASE_LATTICE, ZORA_LATTICE),
                        referenced(ORACLE_ORGANISM, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM),
                        commissioned(narrow, BASE_LATTICE, ZORA_LATTICE, ORACLE_ORGANISM, narrow),
                        new GovConfigPublished(GOV, 1, first.fingerprint(), null, first, null, null),
                        new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), CUTOVER, fp(0x01),
                                List.of(BRIDGE), first.fingerprint()),
                        new ConfluenceUpgradeHeld(GOV, overOracle, ZORA),
                        new FingerprintBumpScheduled(GOV, ORACLE, fp(0x33), fp(0x97), CUTOVER.minusSeconds(60),
                                oracleBumped.fingerprint(), List.of(), first.fingerprint()),
                        new FingerprintCutOver(GOV, ORACLE, fp(0x33), fp(0x97), List.of(), fp(0x02), List.of()),
                        new GovConfigPublished(GOV, 2, oracleBumped.fingerprint(), first.fingerprint(), oracleBumped,
                                "Cutover of oracle-feed", ORACLE))
                .when(new CutOverFingerprint(GOV, ZORA))
                .expectEvents(new FingerprintCutoverBlocked(GOV, ZORA, List.of(BRIDGE)));
    }
}
