package io.govlife.query.composition;

import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import io.govlife.query.support.ProjectionHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.BRIDGE;
import static io.govlife.query.support.Events.BRIDGE_V1;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.ZORA;
import static io.govlife.query.support.Events.ZORA_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.fp;
import static io.govlife.query.support.Events.published;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

class CompositionProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private CompositionRepository repository;
    private CompositionProjection projection;
    private final List<Object> announced = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        repository = new CompositionRepository(harness.jdbc(), announced::add);
        projection = new CompositionProjection(repository);
        harness.feeding(projection);
    }

    @Test
    void every_change_of_a_gov_s_composition_is_announced_and_a_reset_announces_every_gov() {
        harness.publish(created(), referenced(BASE_LATTICE, config(BASE_LATTICE)));
        assertThat(announced).containsExactly(new CompositionChanged(GOV.value()),
                new CompositionChanged(GOV.value()));
        announced.clear();
        harness.publishBatch(referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)),
                new BasicServiceShipped(GOV, ATLAS, config(BASE_LATTICE, ZORA_LATTICE, ATLAS).fingerprint()));
        assertThat(announced).as("once per gov and batch, when its row is written")
                .containsExactly(new CompositionChanged(GOV.value()));
        announced.clear();
        harness.reset();
        assertThat(announced).singleElement().satisfies(change ->
                assertThat(((CompositionChanged) change).everyGov()).isTrue());
    }

    private void ecosystemPublished() {
        GovConfig published = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1);
        harness.publish(created(),
                referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)),
                new ConfluenceCommissioned(GOV, BRIDGE_V1, published.fingerprint()),
                published(1, null, published, "first"));
    }

    @Test
    void a_new_gov_is_a_draft_with_the_empty_fingerprint() {
        harness.publish(created());

        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.status()).isEqualTo("DRAFT");
        assertThat(view.version()).isZero();
        assertThat(view.published()).isNull();
        assertThat(view.draft().fingerprint()).isEqualTo(GovConfig.empty(GOV).fingerprint().hex());
    }

    @Test
    void tracks_draft_and_publication() {
        ecosystemPublished();
        harness.publish(new BasicServiceShipped(GOV, ATLAS, config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ATLAS)
                .fingerprint()));

        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.published().revision()).isEqualTo(1);
        assertThat(view.published().config()).isEqualTo(config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1));
        assertThat(view.draft().config()).isEqualTo(config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1, ATLAS));
        assertThat(view.draft().fingerprint()).isEqualTo(view.draft().config().fingerprint().hex());
        assertThat(view.services()).isEmpty();
    }

    @Test
    void a_drop_marks_spanning_confluences_stale_until_upgraded() {
        ecosystemPublished();
        harness.publish(new CitizenDropped(GOV, ZORA, CitizenKind.LATTICE, List.of(BRIDGE),
                config(BASE_LATTICE, BRIDGE_V1).fingerprint()));
        assertThat(repository.view(GOV.value()).orElseThrow().staleConfluences()).containsExactly(BRIDGE);

        ConfluenceConfig upgraded = new ConfluenceConfig(BRIDGE, fp(0x46), List.of(BASE, io.govlife.query.support.Events.ORACLE.role()), "2", List.of());
        harness.publish(new ConfluenceUpgraded(GOV, upgraded, fp(0x01)));
        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.staleConfluences()).isEmpty();
        assertThat(view.draft().config().confluence(BRIDGE)).contains(upgraded);
    }

    @Test
    void pending_bumps_follow_schedule_revision_cancellation_and_cutover() {
        ecosystemPublished();
        Instant cutover = Instant.parse("2026-03-01T00:00:00Z");
        harness.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, fp(0xa1), List.of(BRIDGE), fp(0xf0)),
                new CutoverFingerprintRevised(GOV, BASE, cutover, fp(0xa1), fp(0xa2)));

        PendingCutover pending = repository.view(GOV.value()).orElseThrow().pendingBumps().get(0);
        assertThat(pending.citizen()).isEqualTo(BASE);
        assertThat(pending.expectedGovFingerprint()).isEqualTo(fp(0xa2));
        assertThat(pending.awaitingConfluences()).containsExactly(BRIDGE);

        harness.publish(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), cutover, List.of()));
        assertThat(repository.view(GOV.value()).orElseThrow().pendingBumps()).isEmpty();

        harness.publish(new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), cutover, fp(0xa3), List.of(), fp(0xf0)),
                new FingerprintCutOver(GOV, ZORA, fp(0x22), fp(0x98), List.of(), fp(0xa4)));
        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.pendingBumps()).isEmpty();
        assertThat(view.draft().config().fingerprintOf(ZORA)).contains(fp(0x98));
    }

    @Test
    void the_list_shows_each_govs_pending_cutovers_soonest_first() {
        ecosystemPublished();
        Instant later = Instant.parse("2026-03-09T00:00:00Z");
        Instant sooner = Instant.parse("2026-03-02T00:00:00Z");
        harness.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), later, fp(0xa1), List.of(BRIDGE), fp(0xf0)),
                new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), sooner, fp(0xa3), List.of(), fp(0xf0)));

        GovSummary summary = repository.list(null, null, false, Paging.of(0, 10)).items().get(0);
        assertThat(summary.pendingCutovers()).extracting(GovSummary.Cutover::citizen)
                .containsExactly(ZORA.value(), BASE.value());
        assertThat(summary.pendingCutovers()).extracting(GovSummary.Cutover::cutoverAt).containsExactly(sooner, later);
    }

    @Test
    void the_list_keeps_only_govs_with_a_pending_cutover_when_asked_until_it_is_cancelled_or_cut_over() {
        ecosystemPublished();
        Instant cutover = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(repository.list(null, null, true, Paging.of(0, 10)).total()).isZero();

        harness.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, fp(0xa1), List.of(BRIDGE), fp(0xf0)),
                new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), cutover, fp(0xa3), List.of(), fp(0xf0)));
        Page<GovSummary> pending = repository.list(null, null, true, Paging.of(0, 10));
        assertThat(pending.items()).extracting(GovSummary::name).containsExactly(GOV.value());
        assertThat(pending.total()).isEqualTo(1);
        assertThat(repository.list("ACTIVE", GOV.value(), true, Paging.of(0, 10)).total()).isEqualTo(1);
        assertThat(repository.list("DRAFT", null, true, Paging.of(0, 10)).total()).isZero();
        assertThat(repository.list(null, "no-such-gov", true, Paging.of(0, 10)).total()).isZero();
        assertThat(repository.list(null, null, true, Paging.of(1, 10)).items()).isEmpty();

        // one of two gone still leaves one pending
        harness.publish(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), cutover, List.of()));
        assertThat(repository.list(null, null, true, Paging.of(0, 10)).total()).isEqualTo(1);
        harness.publish(new FingerprintCutOver(GOV, ZORA, fp(0x22), fp(0x98), List.of(), fp(0xa4)));
        assertThat(repository.list(null, null, true, Paging.of(0, 10)).total()).isZero();
        assertThat(repository.list(null, null, false, Paging.of(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void a_replay_from_the_log_fills_the_pending_cutovers_the_list_filters_on() {
        ecosystemPublished();
        harness.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99),
                Instant.parse("2026-03-01T00:00:00Z"), fp(0xa1), List.of(BRIDGE), fp(0xf0)));
        assertThat(harness.jdbc().queryForObject("select pending_cutovers from composition", Integer.class))
                .isEqualTo(1);

        // the filter reads the column, not the document: a row without its count is not found...
        harness.jdbc().update("update composition set pending_cutovers = 0");
        assertThat(repository.list(null, null, true, Paging.of(0, 10)).total()).isZero();
        ProjectionHarness replayed = new ProjectionHarness();
        CompositionRepository rebuilt = new CompositionRepository(replayed.jdbc(), event -> { });
        replayed.feeding(new CompositionProjection(rebuilt));
        GovConfig published = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1);
        // ...until the log is replayed, in one batch as the processor hands it over on a rebuild
        replayed.publishBatch(created(), referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)),
                new ConfluenceCommissioned(GOV, BRIDGE_V1, published.fingerprint()),
                published(1, null, published, "first"),
                new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), Instant.parse("2026-03-01T00:00:00Z"),
                        fp(0xa1), List.of(BRIDGE), fp(0xf0)));
        assertThat(rebuilt.list(null, null, true, Paging.of(0, 10)).items()).extracting(GovSummary::name)
                .containsExactly(GOV.value());
    }

    @Test
    void migration_41_counts_the_pending_bumps_of_each_row_from_the_document_it_already_holds() throws Exception {
        ecosystemPublished();
        harness.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99),
                Instant.parse("2026-03-01T00:00:00Z"), fp(0xa1), List.of(BRIDGE), fp(0xf0)),
                new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98),
                        Instant.parse("2026-03-02T00:00:00Z"), fp(0xa3), List.of(), fp(0xf0)));
        io.govlife.events.Name other = io.govlife.events.Name.of("quiet.gov");
        harness.publish(new io.govlife.events.gov.GovCreated(other, io.govlife.events.gov.Archetype.SERVICE, null,
                GovConfig.empty(other).fingerprint(), "alice"));
        // the rows as they stood before the column: documents written by the projection, no count
        harness.jdbc().execute("alter table composition drop column pending_cutovers");

        harness.jdbc().execute((java.sql.Connection connection) -> {
            try {
                new PendingCutoversColumn().migrate(new org.flywaydb.core.api.migration.Context() {
                    @Override
                    public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public java.sql.Connection getConnection() {
                        return connection;
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        assertThat(harness.jdbc().queryForMap("select pending_cutovers from composition where gov = ?", GOV.value()))
                .containsValue(2);
        assertThat(harness.jdbc().queryForMap("select pending_cutovers from composition where gov = ?", other.value()))
                .containsValue(0);
        assertThat(repository.list(null, null, true, Paging.of(0, 10)).items()).extracting(GovSummary::name)
                .containsExactly(GOV.value());
    }

    @Test
    void retirement_keeps_the_last_published_config() {
        ecosystemPublished();
        harness.publish(new GovRetired(GOV, 1L, config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(),
                List.of()));

        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.status()).isEqualTo("RETIRED");
        assertThat(view.retiredAt()).isNotNull();
        assertThat(view.published().config()).isEqualTo(config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1));
    }

    @Test
    void lists_govs_by_status_with_paging_and_finds_one_by_name() {
        ecosystemPublished();
        Page<GovSummary> active = repository.list("ACTIVE", null, false, Paging.of(0, 10));
        assertThat(active.total()).isEqualTo(1);
        assertThat(active.items()).extracting(GovSummary::name).containsExactly(GOV.value());
        assertThat(repository.list("RETIRED", null, false, Paging.of(0, 10)).items()).isEmpty();
        assertThat(repository.view(GOV.value())).map(GovView::name).contains(GOV.value());
    }

    @Test
    void a_search_keeps_the_govs_whose_name_contains_it_and_takes_its_wildcards_literally() {
        ecosystemPublished();
        String middle = GOV.value().substring(1, GOV.value().length() - 1);
        assertThat(repository.list(null, middle.toUpperCase(java.util.Locale.ROOT), false, Paging.of(0, 10)).items())
                .extracting(GovSummary::name).containsExactly(GOV.value());
        assertThat(repository.list("ACTIVE", middle, false, Paging.of(0, 10)).total()).isEqualTo(1);
        assertThat(repository.list("RETIRED", middle, false, Paging.of(0, 10)).total()).isZero();
        assertThat(repository.list(null, "no-such-gov", false, Paging.of(0, 10)).total()).isZero();
        // % and _ are what the operator typed, not patterns that would match every gov
        assertThat(repository.list(null, "%", false, Paging.of(0, 10)).total()).isZero();
        assertThat(repository.list(null, "_", false, Paging.of(0, 10)).total()).isZero();
    }

    @Test
    void a_reset_empties_the_read_model() {
        ecosystemPublished();
        harness.reset();
        assertThat(repository.view(GOV.value())).isEmpty();
    }

    @Test
    void a_batch_of_events_lands_as_the_same_rows_as_one_event_at_a_time() {
        ProjectionHarness oneByOne = new ProjectionHarness();
        CompositionRepository single = new CompositionRepository(oneByOne.jdbc(), event -> { });
        oneByOne.feeding(new CompositionProjection(single));
        GovConfig published = config(BASE_LATTICE, ZORA_LATTICE);
        var events = new io.govlife.events.gov.GovEvent[] {created(), referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, published), published(1, null, published, "first"),
                new BasicServiceShipped(GOV, ATLAS, config(BASE_LATTICE, ZORA_LATTICE, ATLAS).fingerprint())};

        harness.publishBatch(events);
        for (var event : events) {
            oneByOne.publish(event);
        }

        GovView batched = repository.view(GOV.value()).orElseThrow();
        GovView each = single.view(GOV.value()).orElseThrow();
        assertThat(batched.version()).isEqualTo(4);
        assertThat(batched.published().revision()).isEqualTo(1);
        assertThat(batched.draft().config().services()).hasSize(1);
        assertThat(batched).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(each);
        assertThat(batched.updatedAt()).isAfter(batched.createdAt());
    }

    @Test
    void events_shown_nowhere_here_still_move_the_version_to_the_govs_own() {
        harness.publish(created(), new io.govlife.events.operator.CoOperatorAdded(GOV, "bob"));

        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.draft().fingerprint()).isEqualTo(GovConfig.empty(GOV).fingerprint().hex());
    }

    @Test
    void a_batch_continues_a_gov_created_in_an_earlier_batch() {
        harness.publish(created());
        harness.publishBatch(referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, config(BASE_LATTICE, ZORA_LATTICE)));

        GovView view = repository.view(GOV.value()).orElseThrow();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.draft().config().lattices()).hasSize(2);
    }
}
