package io.govlife.command.gov;

import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.BumpState;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
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
import static io.govlife.command.gov.GovTest.ZORA_LATTICE;
import static io.govlife.command.gov.GovTest.BRIDGE_V1;
import static io.govlife.command.gov.GovTest.baseBumpScheduled;
import static io.govlife.command.gov.GovTest.config;
import static io.govlife.command.gov.GovTest.created;
import static io.govlife.command.gov.GovTest.fp;
import static io.govlife.command.gov.GovTest.published;
import static io.govlife.command.gov.GovTest.publishedEcosystem;
import static io.govlife.command.gov.GovTest.referenced;

/**
 * DOMAIN.md v2: the gov does not dictate a citizen's cadence. A bump inside the minimum notice is taken and flagged;
 * one whose cutover already passed is a catch-up, carried out at once unless a spanning confluence still awaits
 * its upgrade (then it is blocked like any due cutover).
 */
class BumpCadenceTest {

    private AggregateTestFixture<Gov> fixture;

    @BeforeEach
    void setUp() {
        fixture = GovTest.fixtureWith(new MutableClock(NOW));
    }

    @Test
    void a_cutover_exactly_the_minimum_notice_ahead_is_not_short_notice() {
        fixture.given(publishedEcosystem())
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofHours(24)), null))
                .expectResultMessagePayloadMatching(answer("no flag", false, null));
    }

    @Test
    void a_cutover_one_second_inside_the_minimum_notice_is_short_notice() {
        Instant cutover = NOW.plus(Duration.ofHours(24)).minusSeconds(1);
        fixture.given(publishedEcosystem())
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), cutover, null))
                .expectEvents(scheduled(cutover, true, null))
                .expectResultMessagePayloadMatching(answer("short notice", true, null));
    }

    @Test
    void a_catch_up_without_spanning_confluences_publishes_at_once_flagged_with_how_late() {
        Instant cutover = NOW.minus(Duration.ofHours(2));
        GovConfig before = config(BASE_LATTICE);
        GovConfig after = config(BASE_LATTICE.withFingerprint(fp(0x99)));
        fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE), published(1, null, BASE_LATTICE))
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), cutover, null))
                .expectEvents(
                        new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, after.fingerprint(),
                                List.of(), before.fingerprint(), false, Duration.ofHours(2)),
                        new FingerprintCutOver(GOV, BASE, fp(0x11), fp(0x99), List.of(), after.fingerprint(),
                                List.of()),
                        new GovConfigPublished(GOV, 2, after.fingerprint(), before.fingerprint(), after,
                                "Cutover of base to fingerprint " + fp(0x99), BASE))
                .expectResultMessagePayloadMatching(answer("catch-up two hours late", false, Duration.ofHours(2)));
    }

    @Test
    void a_catch_up_is_blocked_while_a_spanning_confluence_awaits_its_upgrade() {
        Instant cutover = NOW.minus(Duration.ofMinutes(5));
        fixture.given(publishedEcosystem())
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), cutover, null))
                .expectEvents(scheduled(cutover, false, Duration.ofMinutes(5)),
                        new FingerprintCutoverBlocked(GOV, BASE, List.of(BRIDGE)));
    }

    @Test
    void a_cutover_at_this_very_instant_is_a_catch_up_zero_late() {
        fixture.given(created(), referenced(BASE_LATTICE, BASE_LATTICE), published(1, null, BASE_LATTICE))
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW, null))
                .expectResultMessagePayloadMatching(answer("catch-up zero late", false, Duration.ZERO));
    }

    private static FingerprintBumpScheduled scheduled(Instant cutover, boolean shortNotice, Duration lateBy) {
        FingerprintBumpScheduled usual = baseBumpScheduled();
        return new FingerprintBumpScheduled(GOV, BASE, fp(0x11), fp(0x99), cutover, usual.expectedGovFingerprint(),
                usual.confluencesToUpgrade(), config(BASE_LATTICE, ZORA_LATTICE, BRIDGE_V1).fingerprint(),
                shortNotice, lateBy);
    }

    private static CustomTypeSafeMatcher<Object> answer(String description, boolean shortNotice, Duration lateBy) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(Object answer) {
                return answer instanceof BumpState state && state.shortNotice() == shortNotice
                        && state.catchUp() == (lateBy != null) && java.util.Objects.equals(state.lateBy(), lateBy);
            }
        };
    }
}
