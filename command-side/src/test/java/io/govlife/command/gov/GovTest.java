package io.govlife.command.gov;

import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.citizen.ReplaceCitizen;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.RetireGov;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.integrator.DisableIntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.integrator.IntegratorRegistered;
import io.govlife.events.integrator.IntegratorSecretRotated;
import io.govlife.events.integrator.IntegratorUnregistered;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.integrator.RotateIntegratorSecret;
import io.govlife.events.integrator.UnregisterIntegrator;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import io.govlife.events.operator.RemoveCoOperator;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import io.govlife.events.service.WithdrawBasicService;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GovTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String OWNER = "alice";
    static final Name GOV = Name.of("ethereum.superchain");
    static final Name BASE = Name.of("base");
    static final Name ZORA = Name.of("zora");
    static final Name ORACLE = Name.of("oracle-feed");
    static final Name BRIDGE = Name.of("bridge");

    static final LatticeRef BASE_LATTICE = new LatticeRef(BASE, 8453, fp(0x11), "ops@base.example", null);
    static final LatticeRef ZORA_LATTICE = new LatticeRef(ZORA, 7777777, fp(0x22), null, null);
    static final OrganismRef ORACLE_ORGANISM = new OrganismRef(ORACLE, fp(0x33), "oracle", null, null);
    static final ConfluenceConfig BRIDGE_V1 = new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE, ZORA), "1", List.of());
    static final ConfluenceConfig BRIDGE_V2 = new ConfluenceConfig(BRIDGE, fp(0x45), List.of(BASE, ZORA), "2", List.of());
    static final ServiceRef ATLAS = new ServiceRef(BasicService.ATLAS, fp(0x55), "https://docs.example/atlas");

    private AggregateTestFixture<Gov> fixture;
    private final Set<Name> claimedNames = new HashSet<>();
    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingDirectory secrets = new RecordingDirectory();

    /** Remembers what the aggregate asked the secret store to do. */
    static class RecordingDirectory implements IntegratorDirectory {
        final List<String> calls = new java.util.ArrayList<>();

        @Override
        public void register(Name gov, Name integrator, String webhookUrl, String secret) {
            calls.add("register " + integrator + " " + webhookUrl + " " + secret);
        }

        @Override
        public void disable(Name gov, Name integrator) {
            calls.add("disable " + integrator);
        }

        @Override
        public void rotate(Name gov, Name integrator, String secret, Instant previousValidUntil) {
            calls.add("rotate " + integrator + " " + secret + " " + previousValidUntil);
        }

        @Override
        public void unregister(Name gov, Name integrator) {
            calls.add("unregister " + integrator);
        }
    }

    static Fingerprint fp(int b) {
        return Fingerprint.of(String.format("%02x", b).repeat(32));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gov.class);
        fixture.registerInjectableResource((GovNameRegistry) name -> {
            if (!claimedNames.add(name)) {
                throw new RuleViolation(Rule.GOV_NAME_TAKEN, "name", "taken");
            }
        });
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new BumpPolicy(Duration.ofHours(24)));
        fixture.registerInjectableResource(secrets);
        actingAsOwnerUnlessSaidOtherwise(fixture);
    }

    /** A fixture for the Gov with its collaborators: any name free, this clock, a day's minimum notice. */
    static AggregateTestFixture<Gov> fixtureWith(MutableClock clock) {
        AggregateTestFixture<Gov> fixture = new AggregateTestFixture<>(Gov.class);
        fixture.registerInjectableResource((GovNameRegistry) name -> { });
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new BumpPolicy(Duration.ofHours(24)));
        fixture.registerInjectableResource(new RecordingDirectory());
        actingAsOwnerUnlessSaidOtherwise(fixture);
        return fixture;
    }

    /** Commands in these tests come from the owner unless a test gives them other metadata. */
    static void actingAsOwnerUnlessSaidOtherwise(AggregateTestFixture<Gov> fixture) {
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.transformMessage(command -> command.getMetaData().containsKey(Gov.OPERATOR) ? command
                    : command.andMetaData(java.util.Map.of(Gov.OPERATOR, OWNER)));
            return chain.proceed();
        });
    }

    // ---- event builders: the draft fingerprint each event must carry is computed from the content

    static GovCreated created() {
        return new GovCreated(GOV, Archetype.ECOSYSTEM, "superchain", GovConfig.empty(GOV).fingerprint(), OWNER);
    }

    static GovConfig config(Object... members) {
        GovConfig config = GovConfig.empty(GOV);
        for (Object member : members) {
            if (member instanceof LatticeRef l) {
                config = config.with(l);
            } else if (member instanceof OrganismRef o) {
                config = config.with(o);
            } else if (member instanceof ConfluenceConfig c) {
                config = config.with(c);
            } else if (member instanceof ServiceRef s) {
                config = config.with(s);
            }
        }
        return config;
    }

    static CitizenReferenced referenced(LatticeRef ref, Object... draftAfter) {
        return new CitizenReferenced(GOV, ref, config(draftAfter).fingerprint());
    }

    static CitizenReferenced referenced(OrganismRef ref, Object... draftAfter) {
        return new CitizenReferenced(GOV, ref, config(draftAfter).fingerprint());
    }

    static ConfluenceCommissioned commissioned(ConfluenceConfig confluence, Object... draftAfter) {
        return new ConfluenceCommissioned(GOV, confluence, config(draftAfter).fingerprint());
    }

    static GovConfigPublished published(long revision, Fingerprint previous, Object... members) {
        GovConfig config = config(members);
        return new GovConfigPublished(GOV, revision, config.fingerprint(), previous, config, null, null);
    }

    /** base + zora + bridge over both, published as revision 1. */
    static Object[] publishedEcosystem() {
        return composedAndPublished(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1);
    }

    /** The gov created, the members added in this order (citizens referenced, confluences commissioned), published. */
    static Object[] composedAndPublished(Object... members) {
        List<Object> events = new java.util.ArrayList<>(List.of(created()));
        for (int added = 1; added <= members.length; added++) {
            Object member = members[added - 1];
            Object[] draftAfter = java.util.Arrays.copyOf(members, added);
            events.add(member instanceof ConfluenceConfig confluence ? commissioned(confluence, draftAfter)
                    : new CitizenReferenced(GOV, (CitizenRef) member, config(draftAfter).fingerprint()));
        }
        events.add(published(1, null, members));
        return events.toArray();
    }

    static FingerprintBumpScheduled baseBumpScheduled() {
        GovConfig afterCutover = config(BASE_LATTICE.withFingerprint(fp(0x99)), ZORA_LATTICE, BRIDGE_V1);
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), NOW.plus(Duration.ofDays(2)),
                afterCutover.fingerprint(), List.of(BRIDGE), config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint());
    }

    static void expectRule(ResultValidator<Gov> result, Rule rule, String field) {
        result.expectNoEvents().expectException(new CustomTypeSafeMatcher<Throwable>(rule + " on field " + field) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation
                        && violation.rule() == rule && violation.field().equals(field);
            }
        });
    }

    @Nested
    class Creating {

        @Test
        void creates_a_gov_with_the_empty_draft_fingerprint() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGov(GOV, Archetype.ECOSYSTEM, "superchain"))
                    .expectEvents(created());
            assertThat(claimedNames).containsExactly(GOV);
        }

        @Test
        void refuses_a_name_already_claimed() {
            claimedNames.add(GOV);
            expectRule(fixture.givenNoPriorActivity().when(new CreateGov(GOV, Archetype.SERVICE, null)),
                    Rule.GOV_NAME_TAKEN, "name");
        }
    }

    @Nested
    class ReferencingCitizens {

        @Test
        void references_a_lattice_and_answers_the_new_state() {
            Fingerprint draft = config(BASE_LATTICE).fingerprint();
            fixture.given(created())
                    .when(new ReferenceCitizen(GOV, BASE_LATTICE, null))
                    .expectEvents(new CitizenReferenced(GOV, BASE_LATTICE, draft))
                    .expectResultMessagePayload(new GovState(GOV.value(), 1, draft.hex(), null, null));
        }

        @Test
        void references_an_organism() {
            fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE))
                    .when(new ReferenceCitizen(GOV, ORACLE_ORGANISM, null))
                    .expectEvents(referenced(ORACLE_ORGANISM, BASE_LATTICE, ORACLE_ORGANISM));
        }

        @Test
        void refuses_a_citizen_name_the_gov_already_uses_whatever_its_kind() {
            OrganismRef sameName = new OrganismRef(BASE, fp(0x77), null, null, null);
            expectRule(fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE))
                    .when(new ReferenceCitizen(GOV, sameName, null)), Rule.CITIZEN_NAME_TAKEN, "role");
        }

        @Test
        void refuses_a_lattice_whose_name_a_confluence_uses() {
            LatticeRef named = new LatticeRef(BRIDGE, 1, fp(0x78), null, null);
            expectRule(fixture.given(publishedEcosystem()).when(new ReferenceCitizen(GOV, named, null)),
                    Rule.CITIZEN_NAME_TAKEN, "name");
        }
    }

    @Nested
    class Confluences {

        @Test
        void commissions_a_confluence_over_two_citizens() {
            fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE),
                            referenced(ZORA_LATTICE, BASE_LATTICE, ZORA_LATTICE))
                    .when(new CommissionConfluence(GOV, BRIDGE_V1, null))
                    .expectEvents(commissioned(BRIDGE_V1, BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1));
        }

        static Stream<Arguments> refusedConfluences() {
            return Stream.of(
                    Arguments.of("fewer than two spans", new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE), "1",
                            List.of()), Rule.CONFLUENCE_SPANS_TOO_FEW, "spans"),
                    Arguments.of("a span the gov does not name", new ConfluenceConfig(BRIDGE, fp(0x44),
                            List.of(BASE, ORACLE), "1", List.of()), Rule.CONFLUENCE_SPAN_UNKNOWN, "spans[1]"),
                    Arguments.of("a repeated span", new ConfluenceConfig(BRIDGE, fp(0x44), List.of(BASE, BASE), "1",
                            List.of()), Rule.CONFLUENCE_SPAN_REPEATED, "spans[1]"),
                    Arguments.of("a confluence spanning itself", new ConfluenceConfig(BRIDGE, fp(0x44),
                            List.of(BRIDGE, BASE), "1", List.of()), Rule.CONFLUENCE_SPANS_ITSELF, "spans[0]"),
                    Arguments.of("a confluence named like a citizen", new ConfluenceConfig(BASE, fp(0x44),
                            List.of(ZORA, ORACLE), "1", List.of()), Rule.CITIZEN_NAME_TAKEN, "name"));
        }

        @ParameterizedTest(name = "refuses {0}")
        @MethodSource("refusedConfluences")
        void refuses_a_confluence_against_its_rules(String refused, ConfluenceConfig confluence, Rule rule,
                                                    String field) {
            expectRule(fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE))
                    .when(new CommissionConfluence(GOV, confluence, null)), rule, field);
        }

        @Test
        void upgrades_a_confluence_in_the_draft() {
            fixture.given(publishedEcosystem())
                    .when(new UpgradeConfluence(GOV, BRIDGE_V2, null))
                    .expectEvents(new ConfluenceUpgraded(GOV, BRIDGE_V2,
                            config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V2).fingerprint()));
        }

        @Test
        void an_identical_upgrade_records_nothing() {
            fixture.given(publishedEcosystem())
                    .when(new UpgradeConfluence(GOV, BRIDGE_V1, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refuses_to_upgrade_an_unknown_confluence() {
            ConfluenceConfig ghost = new ConfluenceConfig(Name.of("ghost"), fp(0x44), List.of(BASE, ZORA), "1",
                    List.of());
            expectRule(fixture.given(publishedEcosystem()).when(new UpgradeConfluence(GOV, ghost, null)),
                    Rule.CITIZEN_NOT_FOUND, "citizen");
        }

        @Test
        void refuses_to_upgrade_a_lattice_as_a_confluence() {
            ConfluenceConfig notOne = new ConfluenceConfig(BASE, fp(0x44), List.of(ZORA, BRIDGE), "1", List.of());
            expectRule(fixture.given(publishedEcosystem()).when(new UpgradeConfluence(GOV, notOne, null)),
                    Rule.NOT_A_CONFLUENCE, "name");
        }

        @Test
        void refuses_an_upgrade_with_invalid_spans() {
            ConfluenceConfig bad = new ConfluenceConfig(BRIDGE, fp(0x45), List.of(BASE), "2", List.of());
            expectRule(fixture.given(publishedEcosystem()).when(new UpgradeConfluence(GOV, bad, null)),
                    Rule.CONFLUENCE_SPANS_TOO_FEW, "spans");
        }
    }

    @Nested
    class DroppingAndReplacing {

        @Test
        void dropping_a_spanned_citizen_marks_its_confluences_stale() {
            fixture.given(publishedEcosystem())
                    .when(new DropCitizen(GOV, ZORA, null))
                    .expectEvents(new CitizenDropped(GOV, ZORA, CitizenKind.LATTICE, List.of(BRIDGE),
                            config(BASE_LATTICE, BRIDGE_V1).fingerprint()));
        }

        @Test
        void publishing_is_refused_while_a_confluence_is_stale() {
            CitizenDropped dropped = new CitizenDropped(GOV, ZORA, CitizenKind.LATTICE, List.of(BRIDGE),
                    config(BASE_LATTICE, BRIDGE_V1).fingerprint());
            expectRule(fixture.given(publishedEcosystem()).andGiven(dropped)
                    .when(new PublishGovConfig(GOV, null, null)), Rule.STALE_CONFLUENCES, "confluences");
        }

        @Test
        void upgrading_the_stale_confluence_lets_publishing_go_ahead() {
            OrganismRef oracle = ORACLE_ORGANISM;
            ConfluenceConfig rewired = new ConfluenceConfig(BRIDGE, fp(0x46), List.of(BASE, ORACLE), "2", List.of());
            CitizenDropped dropped = new CitizenDropped(GOV, ZORA, CitizenKind.LATTICE, List.of(BRIDGE),
                    config(BASE_LATTICE, BRIDGE_V1).fingerprint());
            fixture.given(publishedEcosystem())
                    .andGiven(dropped, referenced(oracle, BASE_LATTICE, BRIDGE_V1, oracle),
                            new ConfluenceUpgraded(GOV, rewired, config(BASE_LATTICE, oracle, rewired).fingerprint()))
                    .when(new PublishGovConfig(GOV, "zora left", null))
                    .expectEvents(new GovConfigPublished(GOV, 2, config(BASE_LATTICE, oracle, rewired).fingerprint(),
                            config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(),
                            config(BASE_LATTICE, oracle, rewired), "zora left", null));
        }

        @Test
        void refuses_to_drop_an_unknown_citizen() {
            expectRule(fixture.given(publishedEcosystem()).when(new DropCitizen(GOV, ORACLE, null)),
                    Rule.CITIZEN_NOT_FOUND, "citizen");
        }

        @Test
        void replaces_a_citizen_and_marks_spanning_confluences_stale() {
            LatticeRef newBase = new LatticeRef(BASE, 8453, fp(0x12), null, null);
            fixture.given(publishedEcosystem())
                    .when(new ReplaceCitizen(GOV, BASE, newBase, null))
                    .expectEvents(new CitizenReplaced(GOV, BASE, newBase, List.of(BRIDGE),
                            config(newBase, ZORA_LATTICE, BRIDGE_V1).fingerprint()));
        }

        @Test
        void refuses_a_replacement_named_like_another_citizen() {
            LatticeRef clash = new LatticeRef(ZORA, 1, fp(0x12), null, null);
            expectRule(fixture.given(publishedEcosystem()).when(new ReplaceCitizen(GOV, BASE, clash, null)),
                    Rule.CITIZEN_NAME_TAKEN, "replacement.name");
        }

        @Test
        void refuses_to_replace_an_unknown_citizen() {
            expectRule(fixture.given(publishedEcosystem())
                            .when(new ReplaceCitizen(GOV, ORACLE, ORACLE_ORGANISM, null)),
                    Rule.CITIZEN_NOT_FOUND, "citizen");
        }

        @Test
        void refuses_to_drop_a_citizen_with_a_pending_bump() {
            expectRule(fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                    .when(new DropCitizen(GOV, BASE, null)), Rule.BUMP_PENDING_ON_CITIZEN, "citizen");
        }

        @Test
        void refuses_to_replace_a_confluence_awaited_by_a_pending_bump() {
            expectRule(fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                            .when(new ReplaceCitizen(GOV, BRIDGE, ORACLE_ORGANISM, null)),
                    Rule.BUMP_PENDING_ON_CITIZEN, "citizen");
        }
    }

    @Nested
    class BasicServices {

        @Test
        void ships_a_service() {
            fixture.given(created())
                    .when(new ShipBasicService(GOV, ATLAS, null))
                    .expectEvents(new BasicServiceShipped(GOV, ATLAS, config(ATLAS).fingerprint()));
        }

        @Test
        void reshipping_with_a_new_fingerprint_replaces_the_one_service_of_that_kind() {
            ServiceRef atlas2 = new ServiceRef(BasicService.ATLAS, fp(0x56), null);
            fixture.given(created(), new BasicServiceShipped(GOV, ATLAS, config(ATLAS).fingerprint()))
                    .when(new ShipBasicService(GOV, atlas2, null))
                    .expectEvents(new BasicServiceShipped(GOV, atlas2, config(atlas2).fingerprint()));
        }

        @Test
        void reshipping_the_same_service_records_nothing() {
            fixture.given(created(), new BasicServiceShipped(GOV, ATLAS, config(ATLAS).fingerprint()))
                    .when(new ShipBasicService(GOV, ATLAS, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void withdraws_a_service() {
            fixture.given(created(), new BasicServiceShipped(GOV, ATLAS, config(ATLAS).fingerprint()))
                    .when(new WithdrawBasicService(GOV, BasicService.ATLAS, null))
                    .expectEvents(new BasicServiceWithdrawn(GOV, BasicService.ATLAS, config().fingerprint()));
        }

        @Test
        void refuses_to_withdraw_a_service_not_shipped() {
            expectRule(fixture.given(created()).when(new WithdrawBasicService(GOV, BasicService.PASSPORT, null)),
                    Rule.SERVICE_NOT_SHIPPED, "service");
        }
    }

    @Nested
    class Publishing {

        @Test
        void publishes_the_draft_as_revision_one() {
            GovConfig draft = config(BASE_LATTICE);
            fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE))
                    .when(new PublishGovConfig(GOV, "first", null))
                    .expectEvents(new GovConfigPublished(GOV, 1, draft.fingerprint(), null, draft, "first", null))
                    .expectResultMessagePayload(new GovState(GOV.value(), 2, draft.fingerprint().hex(), 1L,
                            draft.fingerprint().hex()));
        }

        @Test
        void refuses_an_unchanged_draft() {
            expectRule(fixture.given(publishedEcosystem()).when(new PublishGovConfig(GOV, null, null)),
                    Rule.DRAFT_UNCHANGED, "draft");
        }

        @Test
        void refuses_an_empty_draft() {
            expectRule(fixture.given(created()).when(new PublishGovConfig(GOV, null, null)),
                    Rule.DRAFT_EMPTY, "draft");
        }

        @Test
        void publishing_during_a_notice_period_revises_what_the_cutover_will_publish() {
            GovConfig published2 = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ORACLE_ORGANISM);
            Fingerprint newExpected = published2.withFingerprint(BASE, fp(0x99)).fingerprint();
            FingerprintBumpScheduled bump = baseBumpScheduled();
            fixture.given(publishedEcosystem())
                    .andGiven(bump, referenced(ORACLE_ORGANISM, BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ORACLE_ORGANISM))
                    .when(new PublishGovConfig(GOV, null, null))
                    .expectEvents(
                            new GovConfigPublished(GOV, 2, published2.fingerprint(),
                                    config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(), published2, null, null),
                            new CutoverFingerprintRevised(GOV, BASE, bump.cutoverAt(), bump.expectedGovFingerprint(),
                                    newExpected));
        }
    }

    @Nested
    class Bumps {

        @Test
        void schedules_a_bump_announcing_the_fingerprint_the_cutover_will_publish() {
            fixture.given(publishedEcosystem())
                    .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null))
                    .expectEvents(baseBumpScheduled());
        }

        @Test
        void accepts_a_cutover_exactly_the_minimum_notice_ahead() {
            fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE), published(1, null, BASE_LATTICE))
                    .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofHours(24)), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(FingerprintBumpScheduled.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void takes_a_cutover_inside_the_minimum_notice_flagged_short_notice() {
            FingerprintBumpScheduled usual = baseBumpScheduled();
            Instant cutover = NOW.plus(Duration.ofHours(23));
            fixture.given(publishedEcosystem())
                    .when(new BumpFingerprint(GOV, BASE, fp(0x99), cutover, null))
                    .expectEvents(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover,
                            usual.expectedGovFingerprint(), usual.confluencesToUpgrade(),
                            usual.publishedGovFingerprint(), true, null))
                    .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<Object>("short notice, no catch-up") {
                        @Override
                        protected boolean matchesSafely(Object answer) {
                            return answer instanceof io.govlife.events.bump.BumpState state
                                    && state.shortNotice() && !state.catchUp() && state.lateBy() == null;
                        }
                    });
        }

        static Stream<Arguments> refusedBumps() {
            return Stream.of(
                    Arguments.of("to the same fingerprint", BASE, 0x11, Rule.BUMP_SAME_FINGERPRINT, "fingerprint"),
                    Arguments.of("of a confluence", BRIDGE, 0x99, Rule.BUMP_NOT_FOR_CONFLUENCE, "citizen"),
                    Arguments.of("of an unknown citizen", ORACLE, 0x99, Rule.CITIZEN_NOT_FOUND, "citizen"));
        }

        @ParameterizedTest(name = "refuses a bump {0}")
        @MethodSource("refusedBumps")
        void refuses_a_bump_against_its_rules(String refused, Name citizen, int fingerprint, Rule rule, String field) {
            expectRule(fixture.given(publishedEcosystem())
                            .when(new BumpFingerprint(GOV, citizen, fp(fingerprint), NOW.plus(Duration.ofDays(2)),
                                    null)), rule, field);
        }

        @Test
        void refuses_a_second_pending_bump_for_the_citizen() {
            expectRule(fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                            .when(new BumpFingerprint(GOV, BASE, fp(0x98), NOW.plus(Duration.ofDays(3)), null)),
                    Rule.BUMP_ALREADY_PENDING, "citizen");
        }

        @Test
        void refuses_a_citizen_not_yet_published() {
            expectRule(fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE))
                            .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null)),
                    Rule.CITIZEN_NOT_PUBLISHED, "citizen");
        }

        @Test
        void cancels_a_pending_bump() {
            FingerprintBumpScheduled bump = baseBumpScheduled();
            fixture.given(publishedEcosystem()).andGiven(bump)
                    .when(new CancelFingerprintBump(GOV, BASE, null))
                    .expectEvents(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), bump.cutoverAt(), List.of()));
        }

        @Test
        void cancelling_discards_upgrades_held_only_for_that_bump() {
            FingerprintBumpScheduled bump = baseBumpScheduled();
            fixture.given(publishedEcosystem())
                    .andGiven(bump, new ConfluenceUpgradeHeld(GOV, BRIDGE_V2, BASE))
                    .when(new CancelFingerprintBump(GOV, BASE, null))
                    .expectEvents(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), bump.cutoverAt(),
                            List.of(BRIDGE)));
        }

        @Test
        void refuses_to_cancel_when_nothing_is_pending() {
            expectRule(fixture.given(publishedEcosystem()).when(new CancelFingerprintBump(GOV, BASE, null)),
                    Rule.BUMP_NOT_PENDING, "citizen");
        }

        @Test
        void an_upgrade_during_the_notice_period_is_held_and_revises_the_announced_fingerprint() {
            FingerprintBumpScheduled bump = baseBumpScheduled();
            Fingerprint revised = config(BASE_LATTICE.withFingerprint(fp(0x99)), ZORA_LATTICE, BRIDGE_V2).fingerprint();
            fixture.given(publishedEcosystem()).andGiven(bump)
                    .when(new UpgradeConfluence(GOV, BRIDGE_V2, null))
                    .expectEvents(new ConfluenceUpgradeHeld(GOV, BRIDGE_V2, BASE),
                            new CutoverFingerprintRevised(GOV, BASE, bump.cutoverAt(), bump.expectedGovFingerprint(),
                                    revised));
        }

        @Test
        void a_publication_during_the_notice_period_does_not_carry_the_held_upgrade() {
            GovConfig published2 = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ATLAS);
            fixture.given(publishedEcosystem())
                    .andGiven(baseBumpScheduled(), new ConfluenceUpgradeHeld(GOV, BRIDGE_V2, BASE),
                            new BasicServiceShipped(GOV, ATLAS, published2.fingerprint()))
                    .when(new PublishGovConfig(GOV, null, null))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.equalTo(new GovConfigPublished(GOV, 2,
                                            published2.fingerprint(),
                                            config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(), published2,
                                            null, null)),
                                    org.hamcrest.Matchers.instanceOf(CutoverFingerprintRevised.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }
    }

    @Nested
    class Cutover {

        @Test
        void cuts_over_and_publishes_exactly_what_integrators_were_told() {
            FingerprintBumpScheduled bump = baseBumpScheduled();
            clock.set(bump.cutoverAt());
            GovConfig afterCutover = config(BASE_LATTICE.withFingerprint(fp(0x99)), ZORA_LATTICE, BRIDGE_V2);
            fixture.given(publishedEcosystem())
                    .andGiven(bump, new ConfluenceUpgradeHeld(GOV, BRIDGE_V2, BASE),
                            new CutoverFingerprintRevised(GOV, BASE, bump.cutoverAt(), bump.expectedGovFingerprint(),
                                    afterCutover.fingerprint()),
                            referenced(ORACLE_ORGANISM, BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ORACLE_ORGANISM))
                    .when(new CutOverFingerprint(GOV, BASE))
                    .expectEvents(
                            new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(BRIDGE_V2),
                                    config(BASE_LATTICE.withFingerprint(fp(0x99)), ZORA_LATTICE, BRIDGE_V2,
                                            ORACLE_ORGANISM).fingerprint(), List.of()),
                            new GovConfigPublished(GOV, 2, afterCutover.fingerprint(),
                                    config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(), afterCutover,
                                    "Cutover of base to fingerprint " + fp(0x99), BASE));
        }

        @Test
        void refuses_a_cutover_before_its_instant() {
            clock.set(NOW.plus(Duration.ofDays(1)));
            expectRule(fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                    .when(new CutOverFingerprint(GOV, BASE)), Rule.CUTOVER_NOT_DUE, "citizen");
        }

        @Test
        void a_cutover_missing_a_confluence_upgrade_is_recorded_as_blocked() {
            clock.set(NOW.plus(Duration.ofDays(2)));
            fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                    .when(new CutOverFingerprint(GOV, BASE))
                    .expectEvents(new FingerprintCutoverBlocked(GOV, BASE, List.of(BRIDGE)));
        }

        @Test
        void a_blocked_cutover_is_not_recorded_twice() {
            clock.set(NOW.plus(Duration.ofDays(3)));
            fixture.given(publishedEcosystem())
                    .andGiven(baseBumpScheduled(), new FingerprintCutoverBlocked(GOV, BASE, List.of(BRIDGE)))
                    .when(new CutOverFingerprint(GOV, BASE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void the_awaited_upgrade_completes_a_blocked_cutover_with_its_publication() {
            FingerprintBumpScheduled bump = baseBumpScheduled();
            GovConfig afterCutover = config(BASE_LATTICE.withFingerprint(fp(0x99)), ZORA_LATTICE, BRIDGE_V2);
            fixture.given(publishedEcosystem())
                    .andGiven(bump, new FingerprintCutoverBlocked(GOV, BASE, List.of(BRIDGE)))
                    .when(new UpgradeConfluence(GOV, BRIDGE_V2, null))
                    .expectEvents(
                            new ConfluenceUpgradeHeld(GOV, BRIDGE_V2, BASE),
                            new CutoverFingerprintRevised(GOV, BASE, bump.cutoverAt(), bump.expectedGovFingerprint(),
                                    afterCutover.fingerprint()),
                            new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(BRIDGE_V2),
                                    afterCutover.fingerprint(), List.of()),
                            new GovConfigPublished(GOV, 2, afterCutover.fingerprint(),
                                    config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(), afterCutover,
                                    "Cutover of base to fingerprint " + fp(0x99), BASE));
        }

        @Test
        void refuses_a_cutover_without_a_pending_bump() {
            expectRule(fixture.given(publishedEcosystem()).when(new CutOverFingerprint(GOV, BASE)),
                    Rule.BUMP_NOT_PENDING, "citizen");
        }
    }

    @Nested
    class Integrators {

        final Name acme = Name.of("acme-wallet");

        @Test
        void registers_an_integrator_in_the_directory_beside_the_log() {
            fixture.given(created())
                    .when(new RegisterIntegrator(GOV, acme, "https://hooks.acme.example/gov", "whsec_x", null))
                    .expectEvents(new IntegratorRegistered(GOV, acme, "https://hooks.acme.example/gov"));
            assertThat(secrets.calls).containsExactly("register acme-wallet https://hooks.acme.example/gov whsec_x");
        }

        @Test
        void refuses_a_second_integrator_of_the_same_name() {
            expectRule(fixture.given(created(), new IntegratorRegistered(GOV, acme, "https://a.example"))
                            .when(new RegisterIntegrator(GOV, acme, "https://b.example", "whsec_y", null)),
                    Rule.INTEGRATOR_NAME_TAKEN, "name");
            assertThat(secrets.calls).isEmpty();
        }

        @Test
        void rotates_a_secret_keeping_the_old_one_for_the_overlap() {
            Instant until = NOW.plus(Duration.ofHours(1));
            fixture.given(created(), new IntegratorRegistered(GOV, acme, "https://a.example"))
                    .when(new RotateIntegratorSecret(GOV, acme, "whsec_new", Duration.ofHours(1)))
                    .expectEvents(new IntegratorSecretRotated(GOV, acme, until));
            assertThat(secrets.calls).containsExactly("rotate acme-wallet whsec_new " + until);
        }

        @Test
        void refuses_to_rotate_or_unregister_an_unknown_integrator() {
            expectRule(fixture.given(created())
                            .when(new RotateIntegratorSecret(GOV, acme, "whsec_new", Duration.ofHours(1))),
                    Rule.INTEGRATOR_NOT_FOUND, "integrator");
            expectRule(fixture.given(created()).when(new UnregisterIntegrator(GOV, acme, null)),
                    Rule.INTEGRATOR_NOT_FOUND, "integrator");
        }

        @Test
        void unregisters_and_forgets_endpoint_and_secret() {
            fixture.given(created(), new IntegratorRegistered(GOV, acme, "https://a.example"))
                    .when(new UnregisterIntegrator(GOV, acme, null))
                    .expectEvents(new IntegratorUnregistered(GOV, acme));
            assertThat(secrets.calls).containsExactly("unregister acme-wallet");
        }

        @Test
        void disables_an_endpoint_once() {
            fixture.given(created(), new IntegratorRegistered(GOV, acme, "https://a.example"))
                    .when(new DisableIntegratorEndpoint(GOV, acme, 410))
                    .expectEvents(new IntegratorEndpointDisabled(GOV, acme, 410));
            assertThat(secrets.calls).containsExactly("disable acme-wallet");
            fixture.given(created(), new IntegratorRegistered(GOV, acme, "https://a.example"),
                            new IntegratorEndpointDisabled(GOV, acme, 410))
                    .when(new DisableIntegratorEndpoint(GOV, acme, 410))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Authority {

        final java.util.Map<String, String> stranger = java.util.Map.of(Gov.OPERATOR, "mallory");
        final java.util.Map<String, String> bob = java.util.Map.of(Gov.OPERATOR, "bob");

        @Test
        void the_creator_owns_the_gov() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGov(GOV, Archetype.FEDERATED, null), java.util.Map.of(Gov.OPERATOR, "carol"))
                    .expectEvents(new GovCreated(GOV, Archetype.FEDERATED, null, GovConfig.empty(GOV).fingerprint(),
                            "carol"));
        }

        @Test
        void a_stranger_may_not_change_the_gov() {
            List<Object> commands = List.of(new ReferenceCitizen(GOV, BASE_LATTICE, null),
                    new PublishGovConfig(GOV, null, null), new RetireGov(GOV, null),
                    new ShipBasicService(GOV, ATLAS, null),
                    new RegisterIntegrator(GOV, Name.of("acme-wallet"), "https://a.example", "s", null));
            for (Object command : commands) {
                expectRule(fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE)).when(command, stranger),
                        Rule.NOT_AN_OPERATOR, "operator");
            }
        }

        @Test
        void the_owner_adds_a_co_operator_who_may_then_change_the_gov() {
            fixture.given(created()).when(new AddCoOperator(GOV, "bob", null))
                    .expectEvents(new CoOperatorAdded(GOV, "bob"));
            fixture.given(created(), new CoOperatorAdded(GOV, "bob"))
                    .when(new ReferenceCitizen(GOV, BASE_LATTICE, null), bob)
                    .expectEvents(referenced(BASE_LATTICE, BASE_LATTICE));
        }

        @Test
        void a_removed_co_operator_may_no_longer_change_the_gov() {
            fixture.given(created(), new CoOperatorAdded(GOV, "bob")).when(new RemoveCoOperator(GOV, "bob", null))
                    .expectEvents(new CoOperatorRemoved(GOV, "bob"));
            expectRule(fixture.given(created(), new CoOperatorAdded(GOV, "bob"), new CoOperatorRemoved(GOV, "bob"))
                    .when(new ReferenceCitizen(GOV, BASE_LATTICE, null), bob), Rule.NOT_AN_OPERATOR, "operator");
        }

        @Test
        void only_the_owner_manages_co_operators() {
            expectRule(fixture.given(created(), new CoOperatorAdded(GOV, "bob"))
                    .when(new AddCoOperator(GOV, "carol", null), bob), Rule.NOT_THE_OWNER, "operator");
            expectRule(fixture.given(created()).when(new AddCoOperator(GOV, OWNER, null)),
                    Rule.CO_OPERATOR_ALREADY, "operator");
            expectRule(fixture.given(created()).when(new RemoveCoOperator(GOV, "bob", null)),
                    Rule.CO_OPERATOR_NOT_FOUND, "operator");
        }
    }

    @Nested
    class Retiring {

        @Test
        void retires_with_the_last_published_config_and_cancels_pending_bumps() {
            fixture.given(publishedEcosystem()).andGiven(baseBumpScheduled())
                    .when(new RetireGov(GOV, null))
                    .expectEvents(new GovRetired(GOV, 1L, config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(),
                            List.of(BASE)));
        }

        @Test
        void a_retired_gov_accepts_nothing() {
            GovRetired retired = new GovRetired(GOV, null, null, List.of());
            List<Object> commands = List.of(
                    new ReferenceCitizen(GOV, BASE_LATTICE, null),
                    new CommissionConfluence(GOV, BRIDGE_V1, null),
                    new UpgradeConfluence(GOV, BRIDGE_V1, null),
                    new DropCitizen(GOV, BASE, null),
                    new ReplaceCitizen(GOV, BASE, ZORA_LATTICE, null),
                    new ShipBasicService(GOV, ATLAS, null),
                    new WithdrawBasicService(GOV, BasicService.ATLAS, null),
                    new PublishGovConfig(GOV, null, null),
                    new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null),
                    new CancelFingerprintBump(GOV, BASE, null),
                    new CutOverFingerprint(GOV, BASE),
                    new RegisterIntegrator(GOV, Name.of("acme-wallet"), "https://a.example", "s", null),
                    new RetireGov(GOV, null));
            for (Object command : commands) {
                expectRule(fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE), retired).when(command),
                        Rule.GOV_RETIRED, "gov");
            }
        }
    }
}
