package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfig;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.ProjectionHarness;
import io.govlife.query.support.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.govlife.query.support.Events.ATLAS;
import static io.govlife.query.support.Events.BASE_LATTICE;
import static io.govlife.query.support.Events.GOV;
import static io.govlife.query.support.Events.config;
import static io.govlife.query.support.Events.created;
import static io.govlife.query.support.Events.published;
import static io.govlife.query.support.Events.referenced;
import static org.assertj.core.api.Assertions.assertThat;

class RevisionProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private RevisionRepository repository;
    private CurrentConfigs current;

    @BeforeEach
    void setUp() {
        repository = new RevisionRepository(harness.jdbc());
        current = new CurrentConfigs(repository, Settings.recheckingNever());
        harness.feeding(new RevisionProjection(repository, current));
    }

    @Test
    void the_current_config_is_served_as_written_at_publication_until_the_next_one() {
        GovConfig first = config(BASE_LATTICE);
        GovConfig second = config(BASE_LATTICE, ATLAS);
        assertThat(current.current(GOV.value())).as("nothing published yet").isEmpty();
        harness.publish(created(), referenced(BASE_LATTICE, first), published(1, null, first, "first"));
        CurrentConfigs.Served one = current.current(GOV.value()).orElseThrow();
        assertThat(new String(one.body(), StandardCharsets.UTF_8)).isEqualTo(JsonColumns.write(first));
        assertThat(one.etag()).isEqualTo("\"" + first.fingerprint().hex() + "\"");
        assertThat(one.revision()).isEqualTo(1);
        assertThat(current.current(GOV.value())).containsSame(one);

        harness.publish(new BasicServiceShipped(GOV, ATLAS, second.fingerprint()),
                published(2, first, second, "atlas"));
        CurrentConfigs.Served two = current.current(GOV.value()).orElseThrow();
        assertThat(two.revision()).isEqualTo(2);
        assertThat(new String(two.body(), StandardCharsets.UTF_8)).isEqualTo(JsonColumns.write(second));

        harness.reset();
        assertThat(current.current(GOV.value())).as("after a reset, before the rebuild").isEmpty();
    }

    @Test
    void keeps_every_revision_whole_and_answers_as_of_any_instant() {
        GovConfig first = config(BASE_LATTICE);
        GovConfig second = config(BASE_LATTICE, ATLAS);
        harness.publish(created(), referenced(BASE_LATTICE, first), published(1, null, first, "first"));
        Instant firstPublishedAt = harness.now();
        harness.publish(new BasicServiceShipped(GOV, ATLAS, second.fingerprint()),
                published(2, first, second, "atlas"));
        Instant secondPublishedAt = harness.now();

        assertThat(repository.all(GOV.value())).extracting(Revision::revision).containsExactly(1L, 2L);
        Revision one = repository.number(GOV.value(), 1).orElseThrow();
        assertThat(one.config()).isEqualTo(first);
        assertThat(one.fingerprint()).isEqualTo(first.fingerprint().hex());
        assertThat(one.publishedBy()).isEqualTo("alice");
        assertThat(one.publishedAt()).isEqualTo(firstPublishedAt);
        assertThat(repository.latest(GOV.value()).orElseThrow().config()).isEqualTo(second);

        assertThat(repository.asOf(GOV.value(), firstPublishedAt.minusMillis(1))).isEmpty();
        assertThat(repository.asOf(GOV.value(), firstPublishedAt).orElseThrow().revision()).isEqualTo(1);
        assertThat(repository.asOf(GOV.value(), secondPublishedAt.minusMillis(1)).orElseThrow().revision())
                .isEqualTo(1);
        assertThat(repository.asOf(GOV.value(), secondPublishedAt).orElseThrow().config()).isEqualTo(second);
    }

    @Test
    void a_reset_empties_the_read_model() {
        GovConfig first = config(BASE_LATTICE);
        harness.publish(created(), referenced(BASE_LATTICE, first), published(1, null, first, null));
        harness.reset();
        assertThat(repository.all(GOV.value())).isEmpty();
    }
}
