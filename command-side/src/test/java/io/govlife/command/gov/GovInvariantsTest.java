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
import io.govlife.events.operator.AddCitizenOperator;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.RemoveCitizenOperator;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ConfirmConfluence;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.citizen.ReplaceCitizen;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.GovRoot;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.RetireGov;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import io.govlife.events.service.WithdrawBasicService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeTry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Model-based: random sequences of every command the Gov takes, with names drawn from a small pool so that
 * collisions, spans, replacements and bumps meet, time moving on and cutovers driven as their deadlines would drive
 * them. After every step, the seven invariants of DOMAIN.md "Consistency rules (v2)" are checked on the events the
 * aggregate emitted, by a checker that knows nothing of how the aggregate decides (see {@link Invariants}). A
 * refused command must be a rule refusal and append nothing. The number of sequences is
 * {@code jqwik.tries.default} (src/test/resources/junit-platform.properties); a soak sets it 100 times higher.
 */
class GovInvariantsTest {

    static final Name GOV = Name.of("model.gov");
    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    static final List<String> NON_CONFLUENCES = List.of("lat-a", "lat-b", "org-o");
    static final List<String> CONFLUENCES = List.of("con-1", "con-2");
    static final String CITIZEN_OPERATOR = "cit-op";

    private AggregateTestFixture<Gov> fixture;
    private MutableClock clock;

    sealed interface Step permits Reference, Commission, Upgrade, Confirm, Drop, Replace, Ship, Withdraw, Publish,
            Bump, Cancel, CutOver, Tick, Retire, NameCitizenOperator, RemoveCitizenOperatorStep, ByCitizenOperator {
    }

    record Reference(String name, int fp) implements Step {
    }

    record Commission(String name, int fp, List<String> spans) implements Step {
    }

    record Upgrade(String name, int fp, List<String> spans) implements Step {
    }

    record Confirm(String name) implements Step {
    }

    record Drop(String name) implements Step {
    }

    record Replace(String name, String by, int fp) implements Step {
    }

    /** {@code docs}: 0 for no docs link, else one of two: the same fingerprint under another link is metadata. */
    record Ship(int fp, int docs) implements Step {
    }

    record Withdraw() implements Step {
    }

    record Publish() implements Step {
    }

    record Bump(String name, int fp, int hoursAhead) implements Step {
    }

    record Cancel(String name) implements Step {
    }

    /** {@code atDeadline}: time moves to the bump's cutover first, as its deadline would fire. */
    record CutOver(String name, boolean atDeadline) implements Step {
    }

    record Tick(int hours) implements Step {
    }

    record Retire() implements Step {
    }

    record NameCitizenOperator(String name) implements Step {
    }

    record RemoveCitizenOperatorStep(String name) implements Step {
    }

    /** The step sent with the citizen operator's token instead of the owner's. */
    record ByCitizenOperator(Step step) implements Step {
    }

    @BeforeTry
    void freshGov() {
        clock = new MutableClock(START);
        fixture = GovTest.fixtureWith(clock);
    }

    @Property
    void every_invariant_holds_after_every_command(@ForAll boolean publishedFirst,
                                                   @ForAll("sequences") List<Step> steps) {
        List<Object> events = new ArrayList<>(List.of(new GovCreated(GOV, Archetype.ECOSYSTEM, null,
                GovConfig.empty(GOV).fingerprint(), GovTest.OWNER)));
        List<Step> all = new ArrayList<>();
        if (publishedFirst) {
            // most interesting sequences start from a published gov with confluences over its citizens
            all.addAll(List.of(new Reference("lat-a", 1), new Reference("lat-b", 1), new Reference("org-o", 1),
                    new Commission("con-1", 1, List.of("lat-a", "lat-b")),
                    new Commission("con-2", 1, List.of("lat-b", "org-o", "lat-a")), new Publish(),
                    new NameCitizenOperator("lat-a")));
        }
        all.addAll(steps);
        boolean citizenOperatorBumped = false;
        for (Step step : all) {
            Object command = command(step, events);
            if (command == null) {
                continue;
            }
            boolean byCitizenOperator = step instanceof ByCitizenOperator;
            List<Object> appended = execute(events, command, byCitizenOperator
                    ? Map.of(Gov.OPERATOR, CITIZEN_OPERATOR) : Map.of());
            if (byCitizenOperator) {
                Invariants.withinCitizenOperatorsAuthority(events, appended);
                citizenOperatorBumped |= appended.stream().anyMatch(FingerprintBumpScheduled.class::isInstance);
            }
            events.addAll(appended);
            Invariants.check(events);
        }
        // what the sequences reached, so a generator that stopped reaching cutovers would show
        Statistics.label("cutovers").collect(events.stream().anyMatch(FingerprintCutOver.class::isInstance));
        Statistics.label("blocked cutovers").collect(events.stream()
                .anyMatch(FingerprintCutoverBlocked.class::isInstance));
        Statistics.label("held upgrades").collect(events.stream().anyMatch(ConfluenceUpgradeHeld.class::isInstance));
        Statistics.label("confirmations").collect(events.stream().anyMatch(ConfluenceConfirmed.class::isInstance));
        Statistics.label("publications with a confluence").collect(events.stream().anyMatch(e ->
                e instanceof GovConfigPublished p && !p.config().confluences().isEmpty()));
        Statistics.label("metadata-only publications").collect(events.stream().anyMatch(e ->
                e instanceof GovConfigPublished p && p.metadataOnly()));
        Statistics.label("catch-up bumps").collect(events.stream().anyMatch(e ->
                e instanceof FingerprintBumpScheduled b && b.catchUp()));
        Statistics.label("short-notice bumps").collect(events.stream().anyMatch(e ->
                e instanceof FingerprintBumpScheduled b && b.shortNotice()));
        Statistics.label("bumps by a citizen operator").collect(citizenOperatorBumped);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<String> citizen = Arbitraries.of(NON_CONFLUENCES);
        Arbitrary<String> confluence = Arbitraries.of(CONFLUENCES);
        Arbitrary<String> anyName = Arbitraries.of("lat-a", "lat-b", "org-o", "con-1", "con-2");
        Arbitrary<Integer> fp = Arbitraries.integers().between(1, 4);
        Arbitrary<List<String>> spans = Arbitraries.frequencyOf(
                Tuple.of(12, citizen.list().uniqueElements().ofMinSize(2).ofMaxSize(3)),
                Tuple.of(2, anyName.list().ofMinSize(2).ofMaxSize(3)),
                Tuple.of(1, anyName.list().ofMinSize(0).ofMaxSize(1)));
        @SuppressWarnings("unchecked")
        Arbitrary<Step> bump = Combinators.combine(citizen, fp, Arbitraries.integers().between(-6, 72)).as(Bump::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(citizen, fp).as(Reference::new)),
                Tuple.of(3, Combinators.combine(confluence, fp, spans).as(Commission::new)),
                Tuple.of(4, Combinators.combine(confluence, fp, spans).as(Upgrade::new)),
                Tuple.of(3, confluence.map(Confirm::new)),
                Tuple.of(2, anyName.map(Drop::new)),
                Tuple.of(2, Combinators.combine(citizen, citizen, fp).as(Replace::new)),
                Tuple.of(2, Combinators.combine(fp, Arbitraries.integers().between(0, 2)).as(Ship::new)),
                Tuple.of(1, Arbitraries.just(new Withdraw())),
                Tuple.of(8, Arbitraries.just(new Publish())),
                // from catch-ups (cutover already past) through short notice (under 24 hours) to the usual
                Tuple.of(6, bump),
                Tuple.of(1, citizen.map(Cancel::new)),
                Tuple.of(5, Combinators.combine(citizen, Arbitraries.of(true, true, false)).as(CutOver::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 48).map(Tick::new)));
        // retirement ends a sequence: rare enough that most run their length
        @SuppressWarnings("unchecked")
        Arbitrary<Step> citizenOperators = Arbitraries.frequencyOf(
                Tuple.of(2, anyName.map(NameCitizenOperator::new)),
                Tuple.of(1, anyName.map(RemoveCitizenOperatorStep::new)),
                Tuple.of(3, step.map(ByCitizenOperator::new)),
                Tuple.of(3, bump.map(ByCitizenOperator::new)),
                Tuple.of(1, citizen.map(Cancel::new).map(ByCitizenOperator::new)));
        @SuppressWarnings("unchecked")
        Arbitrary<Step> withRetirement = Arbitraries.frequencyOf(Tuple.of(150, step),
                Tuple.of(20, citizenOperators), Tuple.of(1, Arbitraries.just(new Retire())));
        return withRetirement.list().ofMaxSize(50);
    }

    private Object command(Step step, List<Object> events) {
        if (step instanceof ByCitizenOperator by) {
            return step(by.step(), events);
        } else if (step instanceof NameCitizenOperator n) {
            return new AddCitizenOperator(GOV, Name.of(n.name()), CITIZEN_OPERATOR, null);
        } else if (step instanceof RemoveCitizenOperatorStep r) {
            return new RemoveCitizenOperator(GOV, Name.of(r.name()), CITIZEN_OPERATOR, null);
        }
        return step(step, events);
    }

    private Object step(Step step, List<Object> events) {
        if (step instanceof Reference r) {
            return new ReferenceCitizen(GOV, ref(r.name(), r.fp()), null);
        } else if (step instanceof Commission c) {
            return new CommissionConfluence(GOV, confluence(c.name(), c.fp(), c.spans()), null);
        } else if (step instanceof Upgrade u) {
            return new UpgradeConfluence(GOV, confluence(u.name(), u.fp(), u.spans()), null);
        } else if (step instanceof Confirm c) {
            return new ConfirmConfluence(GOV, Name.of(c.name()), null);
        } else if (step instanceof Drop d) {
            return new DropCitizen(GOV, Name.of(d.name()), null);
        } else if (step instanceof Replace r) {
            return new ReplaceCitizen(GOV, Name.of(r.name()), ref(r.by(), r.fp()), null);
        } else if (step instanceof Ship s) {
            return new ShipBasicService(GOV, new ServiceRef(BasicService.ATLAS, fp(0x50 + s.fp()),
                    s.docs() == 0 ? null : "https://docs.example/atlas/" + s.docs()), null);
        } else if (step instanceof Withdraw) {
            return new WithdrawBasicService(GOV, BasicService.ATLAS, null);
        } else if (step instanceof Publish) {
            return new PublishGovConfig(GOV, null, null);
        } else if (step instanceof Bump b) {
            return new BumpFingerprint(GOV, Name.of(b.name()), fp(b.fp()),
                    clock.instant().plus(Duration.ofHours(b.hoursAhead())), null);
        } else if (step instanceof Cancel c) {
            return new CancelFingerprintBump(GOV, Name.of(c.name()), null);
        } else if (step instanceof CutOver c) {
            Instant due = Invariants.pendingCutoverAt(events, c.name());
            if (c.atDeadline() && due != null && due.isAfter(clock.instant())) {
                clock.set(due);
            }
            return new CutOverFingerprint(GOV, Name.of(c.name()));
        } else if (step instanceof Tick t) {
            clock.set(clock.instant().plus(Duration.ofHours(t.hours())));
            return null;
        }
        return new RetireGov(GOV, null);
    }

    /** Runs one command on the gov as the events left it; answers what it appended (nothing when refused). */
    private List<Object> execute(List<Object> history, Object command, Map<String, ?> metadata) {
        ResultValidator<Gov> result = fixture.given(history).when(command, metadata);
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AssertionError refused) {
            // a refusal must be one of the gov's rules, never an accident (NullPointerException, a bad state)
            result.expectException(RuleViolation.class);
        }
        List<Object> all = new ArrayList<>();
        fixture.getEventStore().readEvents(GOV.value()).asStream().map(DomainEventMessage::getPayload)
                .forEach(all::add);
        assertThat(all.subList(0, history.size())).as("the history is kept as it was").isEqualTo(history);
        return all.subList(history.size(), all.size());
    }

    static CitizenRef ref(String name, int fp) {
        return name.startsWith("org")
                ? new OrganismRef(Name.of(name), fp(fp), "oracle", null, null)
                : new LatticeRef(Name.of(name), name.hashCode(), fp(fp), null, null);
    }

    static ConfluenceConfig confluence(String name, int fp, List<String> spans) {
        return new ConfluenceConfig(Name.of(name), fp(0x20 + fp), spans.stream().map(Name::of)
                .toList(), "1", List.of());
    }

    static Fingerprint fp(int b) {
        return GovTest.fp(b);
    }

    /**
     * The seven consistency rules, checked on a gov's events alone: every published revision is recomputed from them,
     * and when each citizen's reference and each confluence's body were recorded is read off their sequence numbers.
     */
    static final class Invariants {

        private Invariants() {
        }

        static Instant pendingCutoverAt(List<Object> events, String citizen) {
            Instant due = null;
            for (Object event : events) {
                if (event instanceof FingerprintBumpScheduled s && s.citizen().value().equals(citizen)) {
                    due = s.cutoverAt();
                } else if (event instanceof FingerprintBumpCancelled c && c.citizen().value().equals(citizen)
                        || event instanceof FingerprintCutOver o && o.citizen().value().equals(citizen)) {
                    due = null;
                }
            }
            return due;
        }

        /**
         * v2: a citizen operator's command appends only its citizen's bump, cancellation, and what they cause (a
         * catch-up's cutover and publication, revised expectations), for a citizen it operates at that moment.
         */
        static void withinCitizenOperatorsAuthority(List<Object> history, List<Object> appended) {
            Set<String> operated = new HashSet<>();
            for (Object event : history) {
                if (event instanceof CitizenOperatorAdded a && a.operator().equals(CITIZEN_OPERATOR)) {
                    operated.add(a.citizen().value());
                } else if (event instanceof CitizenOperatorRemoved r && r.operator().equals(CITIZEN_OPERATOR)) {
                    operated.remove(r.citizen().value());
                } else if (event instanceof CitizenDropped d) {
                    operated.remove(d.citizen().value());
                } else if (event instanceof CitizenReplaced r) {
                    operated.remove(r.citizen().value());
                }
            }
            for (Object event : appended) {
                if (event instanceof FingerprintBumpScheduled s) {
                    assertThat(operated).as("bump of %s by its operator", s.citizen()).contains(s.citizen().value());
                } else if (event instanceof FingerprintBumpCancelled c) {
                    assertThat(operated).as("cancel of %s by its operator", c.citizen())
                            .contains(c.citizen().value());
                } else if (!(event instanceof FingerprintCutOver || event instanceof FingerprintCutoverBlocked
                        || event instanceof CutoverFingerprintRevised
                        || event instanceof GovConfigPublished p && p.cutoverOf() != null)) {
                    fail("a citizen operator's command appended " + event);
                }
            }
        }

        static void check(List<Object> events) {
            GovConfig draft = GovConfig.empty(GOV);
            GovConfig published = null;
            Map<String, Long> draftMade = new HashMap<>();
            Map<String, Long> publishedMade = new HashMap<>();
            Map<String, Map<ConfluenceConfig, Long>> records = new HashMap<>();
            Map<String, FingerprintBumpScheduled> pending = new HashMap<>();
            Map<String, Long> scheduledAt = new HashMap<>();
            Map<String, Fingerprint> announced = new HashMap<>();
            FingerprintCutOver cutover = null;
            boolean retired = false;
            for (int seq = 0; seq < events.size(); seq++) {
                Object event = events.get(seq);
                String at = "event " + seq + " " + event.getClass().getSimpleName();
                assertThat(retired).as("%s after retirement", at).isFalse();
                if (cutover != null) {
                    assertThat(event).as("a cutover publishes at once").isInstanceOf(GovConfigPublished.class);
                }
                if (event instanceof CitizenReferenced r) {
                    draft = draft.with(r.citizen());
                    draftMade.put(r.citizen().name().value(), (long) seq);
                } else if (event instanceof CitizenReplaced r) {
                    // rule 5: a citizen with a pending bump is neither replaced nor dropped
                    assertThat(pending).as("%s: replaced mid-bump", at).doesNotContainKey(r.citizen().value());
                    draft = draft.without(r.citizen()).with(r.replacement());
                    draftMade.remove(r.citizen().value());
                    draftMade.put(r.replacement().name().value(), (long) seq);
                } else if (event instanceof CitizenDropped d) {
                    assertThat(pending).as("%s: dropped mid-bump", at).doesNotContainKey(d.citizen().value());
                    draft = draft.without(d.citizen());
                    draftMade.remove(d.citizen().value());
                } else if (event instanceof ConfluenceCommissioned c) {
                    draft = draft.with(c.confluence());
                    record(records, c.confluence(), seq);
                } else if (event instanceof ConfluenceUpgraded u) {
                    draft = draft.with(u.confluence());
                    record(records, u.confluence(), seq);
                } else if (event instanceof ConfluenceUpgradeHeld h) {
                    record(records, h.confluence(), seq);
                } else if (event instanceof ConfluenceConfirmed c) {
                    record(records, c.confluence(), seq);
                } else if (event instanceof BasicServiceShipped s) {
                    draft = draft.with(s.service());
                } else if (event instanceof BasicServiceWithdrawn w) {
                    draft = draft.without(w.service());
                } else if (event instanceof FingerprintBumpScheduled s) {
                    // v2: a catch-up is carried out, or blocked by the confluences it awaits, in the same command
                    assertThat(s.shortNotice() && s.catchUp()).as("%s: short notice and catch-up", at).isFalse();
                    if (s.catchUp()) {
                        assertThat(seq + 1).as("%s: catch-up left pending", at).isLessThan(events.size());
                        Object next = events.get(seq + 1);
                        assertThat(next instanceof FingerprintCutOver o && o.citizen().equals(s.citizen())
                                || next instanceof FingerprintCutoverBlocked b && b.citizen().equals(s.citizen()))
                                .as("%s: catch-up followed by %s", at, next).isTrue();
                    }
                    // rule 5: a bump applies to the published citizen, unchanged in the draft
                    assertThat(published).as("%s: nothing published", at).isNotNull();
                    assertThat(draft.reference(s.citizen())).as("%s: draft differs from published", at)
                            .isEqualTo(published.reference(s.citizen()));
                    pending.put(s.citizen().value(), s);
                    scheduledAt.put(s.citizen().value(), (long) seq);
                    announced.put(s.citizen().value(), s.expectedGovFingerprint());
                } else if (event instanceof CutoverFingerprintRevised r) {
                    announced.put(r.citizen().value(), r.expectedGovFingerprint());
                } else if (event instanceof FingerprintBumpCancelled c) {
                    pending.remove(c.citizen().value());
                } else if (event instanceof FingerprintCutoverBlocked b) {
                    assertThat(pending).containsKey(b.citizen().value());
                } else if (event instanceof FingerprintCutOver c) {
                    assertThat(pending).as("%s: no bump pending", at).containsKey(c.citizen().value());
                    cutover = c;
                    long made = scheduledAt.get(c.citizen().value());
                    draft = draft.withFingerprint(c.citizen(), c.toFingerprint());
                    for (ConfluenceConfig upgrade : c.upgradedConfluences()) {
                        if (draft.names(upgrade.name()) && upgrade.spans().stream().allMatch(draft::names)) {
                            draft = draft.with(upgrade);
                        }
                    }
                    draftMade.put(c.citizen().value(), made);
                    publishedMade.put(c.citizen().value(), made);
                } else if (event instanceof GovConfigPublished p) {
                    selfConsistent(p, at);
                    if (p.cutoverOf() == null) {
                        assertThat(p.config()).as("%s publishes the draft", at).isEqualTo(draft);
                        publishedMade = new HashMap<>(draftMade);
                    } else {
                        String citizen = p.cutoverOf().value();
                        assertThat(cutover).as("%s without its FingerprintCutOver", at).isNotNull();
                        // rule 3: the last revision, the bumped fingerprint, the upgrades held for the bump
                        GovConfig expected = published.withFingerprint(p.cutoverOf(), cutover.toFingerprint());
                        for (ConfluenceConfig upgrade : cutover.upgradedConfluences()) {
                            if (published.confluence(upgrade.name()).isPresent()) {
                                expected = expected.with(upgrade);
                            }
                            assertThat(recorded(records, upgrade, seq)).as("%s: %s held before the bump", at,
                                    upgrade.name()).isGreaterThan(scheduledAt.get(citizen));
                        }
                        assertThat(p.config()).as("%s publishes exactly the cutover", at).isEqualTo(expected);
                        // rule 4: what integrators were last told is what is published
                        assertThat(p.fingerprint()).as("%s: announced root", at)
                                .isEqualTo(announced.get(citizen));
                        pending.remove(citizen);
                        cutover = null;
                    }
                    // rules 2 and 6: each confluence recorded after every change of what it spans
                    for (ConfluenceConfig confluence : p.config().confluences()) {
                        long recorded = recorded(records, confluence, seq);
                        for (Name spanned : confluence.spans()) {
                            if (p.config().kindOf(spanned).orElseThrow() != CitizenKind.CONFLUENCE) {
                                assertThat(recorded).as("%s: %s recorded after %s changed", at,
                                        confluence.name(), spanned).isGreaterThan(
                                        publishedMade.getOrDefault(spanned.value(), Long.MAX_VALUE));
                            }
                        }
                    }
                    // v2: a publication under the previous root is metadata-only, and still changes something
                    boolean sameRoot = published != null && p.fingerprint().equals(GovRoot.of(published));
                    assertThat(p.metadataOnly()).as("%s: metadataOnly", at).isEqualTo(sameRoot);
                    assertThat(p.config()).as("%s changes nothing", at).isNotEqualTo(published);
                    published = p.config();
                } else if (event instanceof GovRetired r) {
                    // rule 7: every pending bump cancelled, by name
                    assertThat(new HashSet<>(r.cancelledBumps().stream().map(Name::value).toList()))
                            .as("%s cancels the pending bumps", at).isEqualTo(pending.keySet());
                    retired = true;
                }
            }
        }

        /** Rule 1: spans of two or more citizens the revision names, its fingerprint the GOV_ROOT of its content. */
        private static void selfConsistent(GovConfigPublished p, String at) {
            GovConfig config = p.config();
            assertThat(p.fingerprint()).as("%s: fingerprint", at).isEqualTo(GovRoot.of(config));
            Set<String> names = new HashSet<>();
            config.lattices().forEach(l -> assertThat(names.add(l.name().value())).as("%s unique", at).isTrue());
            config.organisms().forEach(o -> assertThat(names.add(o.role().value())).as("%s unique", at).isTrue());
            config.confluences().forEach(c -> assertThat(names.add(c.name().value())).as("%s unique", at).isTrue());
            assertThat(config.services().stream().map(ServiceRef::service).distinct().count())
                    .as("%s: one of each service", at).isEqualTo(config.services().size());
            for (ConfluenceConfig confluence : config.confluences()) {
                assertThat(confluence.spans()).as("%s: %s spans", at, confluence.name()).hasSizeGreaterThanOrEqualTo(2)
                        .doesNotContain(confluence.name()).allMatch(config::names);
            }
        }

        private static void record(Map<String, Map<ConfluenceConfig, Long>> records, ConfluenceConfig body, int seq) {
            records.computeIfAbsent(body.name().value(), k -> new HashMap<>()).put(body, (long) seq);
        }

        private static long recorded(Map<String, Map<ConfluenceConfig, Long>> records, ConfluenceConfig body,
                                     int before) {
            Long seq = records.getOrDefault(body.name().value(), Map.of()).get(body);
            if (seq == null || seq >= before) {
                fail("confluence " + body + " published without ever being recorded");
            }
            return seq;
        }
    }
}
