package io.govlife.query.reports;

import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.query.composition.CompositionModel;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.support.ProjectionHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.ZORA;
import static io.govlife.query.support.Events.ZORA_LATTICE;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.fp;
import static io.govlife.query.support.Events.published;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

class ReportsProjectionTest {

    private final ProjectionHarness reports = new ProjectionHarness();
    private ReportsController controller;

    @BeforeEach
    void setUp() {
        CompositionRepository govs = new CompositionRepository(reports.jdbc(), event -> { });
        // the reports answer only for govs the composition model knows, so both are fed
        ReportsRepository repository = new ReportsRepository(reports.jdbc());
        reports.feeding(CompositionModel.projection(govs), new ReportsProjection(repository));
        controller = new ReportsController(repository, govs);
        reports.publish(created());
    }

    @Test
    void reports_notice_lead_times_publications_per_month_cutover_lag_and_composition_over_time() {
        GovConfig first = config(BASE_LATTICE, ZORA_LATTICE);
        reports.at(Instant.parse("2026-01-10T00:00:00Z")).publish(referenced(BASE_LATTICE, config(BASE_LATTICE)),
                referenced(ZORA_LATTICE, first), published(1, null, first, null));
        Instant cutover = Instant.parse("2026-02-01T12:00:00Z");
        reports.publish(new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, fp(0xa1), List.of(), fp(0xf0)));
        Instant scheduledAt = reports.now();
        reports.publish(new FingerprintBumpScheduled(GOV, ZORA, fp(0x22), fp(0x98), cutover, fp(0xa2), List.of(), fp(0xf0)),
                new FingerprintBumpCancelled(GOV, ZORA, fp(0x98), cutover, List.of()));

        GovConfig second = first.withFingerprint(BASE, fp(0x99));
        reports.at(cutover).publish(new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(),
                second.fingerprint()));
        reports.publish(new GovConfigPublished(GOV, 2, second.fingerprint(), first.fingerprint(), second, null, BASE));
        Instant publishedAt = reports.now();
        GovConfig third = second.with(ATLAS);
        reports.publish(published(3, second, third, null));

        List<Reports.BumpNotice> bumps = controller.bumps(GOV.value(), null);
        assertThat(bumps).extracting(Reports.BumpNotice::citizen).containsExactly("base", "zora");
        Reports.BumpNotice base = bumps.get(0);
        assertThat(base.noticeLeadTime()).isEqualTo(Duration.between(scheduledAt, cutover));
        assertThat(base.outcome()).isEqualTo("CUT_OVER");
        assertThat(base.publishedRevision()).isEqualTo(2);
        assertThat(base.cutoverToPublication()).isEqualTo(Duration.between(cutover, publishedAt));
        assertThat(bumps.get(1).outcome()).isEqualTo("CANCELLED");

        Reports.Publications publications = controller.publications(GOV.value());
        assertThat(publications.perMonth()).containsExactly(new Reports.MonthCount("2026-01", 1),
                new Reports.MonthCount("2026-02", 2));
        assertThat(publications.cutovers()).extracting(Reports.BumpNotice::citizen).containsExactly("base");

        assertThat(controller.composition(GOV.value())).extracting(p -> p.lattices() + "/" + p.services())
                .containsExactly("2/0", "2/0", "2/1");
    }
}
