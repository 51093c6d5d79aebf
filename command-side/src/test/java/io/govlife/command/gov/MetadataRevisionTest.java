package io.govlife.command.gov;

import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.Rule;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.ServiceRef;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.govlife.command.gov.GovTest.ATLAS;
import static io.govlife.command.gov.GovTest.BASE;
import static io.govlife.command.gov.GovTest.BASE_LATTICE;
import static io.govlife.command.gov.GovTest.BRIDGE;
import static io.govlife.command.gov.GovTest.BRIDGE_V1;
import static io.govlife.command.gov.GovTest.GOV;
import static io.govlife.command.gov.GovTest.NOW;
import static io.govlife.command.gov.GovTest.ZORA;
import static io.govlife.command.gov.GovTest.ZORA_LATTICE;
import static io.govlife.command.gov.GovTest.config;
import static io.govlife.command.gov.GovTest.expectRule;
import static io.govlife.command.gov.GovTest.fp;
import static io.govlife.command.gov.GovTest.publishedEcosystem;

/**
 * DOMAIN.md v2, metadata revisions: a draft that differs from the last revision only outside the fingerprint is
 * published under the same gov root, marked metadata-only, so a changed docs link reaches integrators; a draft
 * equal in everything is still refused.
 */
class MetadataRevisionTest {

    private static final GovConfig ECOSYSTEM = config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1);

    private AggregateTestFixture<Gov> fixture;

    @BeforeEach
    void setUp() {
        fixture = GovTest.fixtureWith(new MutableClock(NOW));
    }

    @Test
    void a_confluence_docs_link_alone_publishes_a_metadata_only_revision_under_the_same_root() {
        ConfluenceConfig documented = new ConfluenceConfig(BRIDGE, BRIDGE_V1.fingerprint(), List.of(BASE, ZORA), "1",
                List.of(), "https://docs.example/bridge");
        GovConfig after = config(BASE_LATTICE, ZORA_LATTICE, documented);
        fixture.given(publishedEcosystem())
                .andGiven(new ConfluenceUpgraded(GOV, documented, after.fingerprint()))
                .when(new PublishGovConfig(GOV, "bridge docs moved", null))
                .expectEvents(new GovConfigPublished(GOV, 2, ECOSYSTEM.fingerprint(), ECOSYSTEM.fingerprint(), after,
                        "bridge docs moved", null, true));
    }

    @Test
    void an_upgrade_carrying_only_a_docs_link_is_recorded() {
        ConfluenceConfig documented = new ConfluenceConfig(BRIDGE, BRIDGE_V1.fingerprint(), List.of(BASE, ZORA), "1",
                List.of(), "https://docs.example/bridge");
        fixture.given(publishedEcosystem())
                .when(new UpgradeConfluence(GOV, documented, null))
                .expectEvents(new ConfluenceUpgraded(GOV, documented, ECOSYSTEM.fingerprint()));
    }

    @Test
    void a_service_docs_link_alone_publishes_a_metadata_only_revision() {
        ServiceRef moved = new ServiceRef(ATLAS.service(), ATLAS.fingerprint(), "https://docs.example/atlas/v2");
        GovConfig before = ECOSYSTEM.with(ATLAS);
        GovConfig after = ECOSYSTEM.with(moved);
        fixture.given(publishedEcosystem())
                .andGiven(new BasicServiceShipped(GOV, ATLAS, before.fingerprint()),
                        new GovConfigPublished(GOV, 2, before.fingerprint(), ECOSYSTEM.fingerprint(), before, null,
                                null),
                        new BasicServiceShipped(GOV, moved, after.fingerprint()))
                .when(new PublishGovConfig(GOV, null, null))
                .expectEvents(new GovConfigPublished(GOV, 3, before.fingerprint(), before.fingerprint(), after, null,
                        null, true));
    }

    @Test
    void a_publication_that_moves_the_root_is_not_metadata_only() {
        GovConfig after = ECOSYSTEM.with(ATLAS);
        fixture.given(publishedEcosystem())
                .andGiven(new BasicServiceShipped(GOV, ATLAS, after.fingerprint()))
                .when(new PublishGovConfig(GOV, null, null))
                .expectEvents(new GovConfigPublished(GOV, 2, after.fingerprint(), ECOSYSTEM.fingerprint(), after,
                        null, null, false));
    }

    @Test
    void a_draft_equal_in_everything_is_still_refused() {
        ServiceRef same = new ServiceRef(ATLAS.service(), fp(0x55), ATLAS.docsUrl());
        expectRule(fixture.given(publishedEcosystem())
                .andGiven(new BasicServiceShipped(GOV, ATLAS, ECOSYSTEM.with(ATLAS).fingerprint()),
                        new GovConfigPublished(GOV, 2, ECOSYSTEM.with(ATLAS).fingerprint(), ECOSYSTEM.fingerprint(),
                                ECOSYSTEM.with(ATLAS), null, null))
                .when(new PublishGovConfig(GOV, null, null)), Rule.DRAFT_UNCHANGED, "draft");
        org.assertj.core.api.Assertions.assertThat(same).isEqualTo(ATLAS);
    }
}
