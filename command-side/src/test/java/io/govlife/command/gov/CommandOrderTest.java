package io.govlife.command.gov;

import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.service.ShipBasicService;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.govlife.command.gov.GovTest.ATLAS;
import static io.govlife.command.gov.GovTest.BASE_LATTICE;
import static io.govlife.command.gov.GovTest.BRIDGE_V1;
import static io.govlife.command.gov.GovTest.GOV;
import static io.govlife.command.gov.GovTest.NOW;
import static io.govlife.command.gov.GovTest.ORACLE_ORGANISM;
import static io.govlife.command.gov.GovTest.ZORA_LATTICE;
import static org.assertj.core.api.Assertions.assertThat;

/** The same content reached through different orders of commands publishes the same fingerprint. */
class CommandOrderTest {

    @Test
    void command_order_does_not_change_the_published_fingerprint() {
        String one = publishedFingerprintAfter(List.of(
                new ReferenceCitizen(GOV, BASE_LATTICE, null),
                new ReferenceCitizen(GOV, ZORA_LATTICE, null),
                new ReferenceCitizen(GOV, ORACLE_ORGANISM, null),
                new CommissionConfluence(GOV, BRIDGE_V1, null),
                new ShipBasicService(GOV, ATLAS, null)));
        String other = publishedFingerprintAfter(List.of(
                new ShipBasicService(GOV, ATLAS, null),
                new ReferenceCitizen(GOV, ORACLE_ORGANISM, null),
                new ReferenceCitizen(GOV, ZORA_LATTICE, null),
                new ReferenceCitizen(GOV, BASE_LATTICE, null),
                new CommissionConfluence(GOV, BRIDGE_V1, null)));

        assertThat(one).isEqualTo(other).hasSize(64);
    }

    private static String publishedFingerprintAfter(List<Object> commands) {
        AggregateTestFixture<Gov> fixture = new AggregateTestFixture<>(Gov.class);
        fixture.registerInjectableResource((GovNameRegistry) name -> { });
        fixture.registerInjectableResource(Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        fixture.registerInjectableResource(new BumpPolicy(Duration.ofHours(24)));
        fixture.registerInjectableResource(new GovTest.RecordingDirectory());
        GovTest.actingAsOwnerUnlessSaidOtherwise(fixture);
        Object[] given = new Object[commands.size() + 1];
        given[0] = new CreateGov(GOV, Archetype.ECOSYSTEM, null);
        for (int i = 0; i < commands.size(); i++) {
            given[i + 1] = commands.get(i);
        }
        AtomicReference<String> fingerprint = new AtomicReference<>();
        fixture.givenCommands(given)
                .when(new PublishGovConfig(GOV, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<GovState>("a published state") {
                    @Override
                    protected boolean matchesSafely(GovState state) {
                        fingerprint.set(state.publishedFingerprint());
                        return state.publishedRevision() == 1L
                                && state.publishedFingerprint().equals(state.draftFingerprint());
                    }
                });
        return fingerprint.get();
    }
}
