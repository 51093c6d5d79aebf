package io.govlife.command.gov;

import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.RetireGov;
import io.govlife.events.gov.Rule;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.operator.AddCitizenOperator;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.RemoveCitizenOperator;
import io.govlife.events.service.ShipBasicService;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.govlife.command.gov.GovTest.ATLAS;
import static io.govlife.command.gov.GovTest.BASE;
import static io.govlife.command.gov.GovTest.GOV;
import static io.govlife.command.gov.GovTest.NOW;
import static io.govlife.command.gov.GovTest.ORACLE_ORGANISM;
import static io.govlife.command.gov.GovTest.ZORA;
import static io.govlife.command.gov.GovTest.baseBumpScheduled;
import static io.govlife.command.gov.GovTest.expectRule;
import static io.govlife.command.gov.GovTest.fp;
import static io.govlife.command.gov.GovTest.publishedEcosystem;

/**
 * DOMAIN.md v2, citizen operators: the owner names an operator for one citizen, whose token announces that
 * citizen's bumps through the gov and reaches nothing else of it; the authority ends with the citizen's reference.
 */
class CitizenOperatorsTest {

    private static final String DAVE = "dave";
    private static final Map<String, String> AS_DAVE = Map.of(Gov.OPERATOR, DAVE);
    private static final Map<String, String> AS_BOB = Map.of(Gov.OPERATOR, "bob");
    private static final CitizenOperatorAdded DAVE_OPERATES_BASE = new CitizenOperatorAdded(GOV, BASE, DAVE);

    private final AggregateTestFixture<Gov> fixture = GovTest.fixtureWith(new MutableClock(NOW));

    /** The published ecosystem, dave named operator of base. */
    private TestExecutor<Gov> daveOperatesBase() {
        return fixture.given(publishedEcosystem()).andGiven(DAVE_OPERATES_BASE);
    }

    // ---- naming and removing

    @Test
    void the_owner_names_an_operator_for_one_citizen() {
        fixture.given(publishedEcosystem())
                .when(new AddCitizenOperator(GOV, BASE, DAVE, null))
                .expectEvents(DAVE_OPERATES_BASE);
    }

    @Test
    void a_co_operator_does_not_name_citizen_operators() {
        expectRule(fixture.given(publishedEcosystem()).andGiven(new CoOperatorAdded(GOV, "bob"))
                .when(new AddCitizenOperator(GOV, BASE, DAVE, null), AS_BOB), Rule.NOT_THE_OWNER, "operator");
    }

    @Test
    void refuses_a_citizen_the_gov_does_not_name() {
        expectRule(fixture.given(publishedEcosystem())
                .when(new AddCitizenOperator(GOV, Name.of("ghost"), DAVE, null)), Rule.CITIZEN_NOT_FOUND, "citizen");
    }

    @Test
    void refuses_naming_the_same_operator_twice() {
        expectRule(daveOperatesBase()
                .when(new AddCitizenOperator(GOV, BASE, DAVE, null)), Rule.CITIZEN_OPERATOR_ALREADY, "operator");
    }

    @Test
    void refuses_naming_one_who_already_operates_the_whole_gov() {
        expectRule(fixture.given(publishedEcosystem()).andGiven(new CoOperatorAdded(GOV, "bob"))
                .when(new AddCitizenOperator(GOV, BASE, "bob", null)), Rule.CITIZEN_OPERATOR_ALREADY, "operator");
    }

    @Test
    void refuses_on_a_retired_gov() {
        expectRule(fixture.given(publishedEcosystem()).andGiven(new GovRetired(GOV, 1L, null, List.of()))
                .when(new AddCitizenOperator(GOV, BASE, DAVE, null)), Rule.GOV_RETIRED, "gov");
    }

    @Test
    void the_owner_removes_a_citizen_operator() {
        daveOperatesBase()
                .when(new RemoveCitizenOperator(GOV, BASE, DAVE, null))
                .expectEvents(new CitizenOperatorRemoved(GOV, BASE, DAVE));
    }

    @Test
    void refuses_removing_one_who_does_not_operate_that_citizen() {
        expectRule(daveOperatesBase()
                .when(new RemoveCitizenOperator(GOV, ZORA, DAVE, null)), Rule.CITIZEN_OPERATOR_NOT_FOUND, "operator");
    }

    // ---- what a citizen operator may do

    @Test
    void a_citizen_operator_schedules_its_citizens_bump() {
        daveOperatesBase()
                .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null), AS_DAVE)
                .expectEvents(baseBumpScheduled());
    }

    @Test
    void a_citizen_operator_cancels_its_citizens_bump() {
        fixture.given(publishedEcosystem()).andGiven(DAVE_OPERATES_BASE, baseBumpScheduled())
                .when(new CancelFingerprintBump(GOV, BASE, null), AS_DAVE)
                .expectEvents(new FingerprintBumpCancelled(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)),
                        List.of()));
    }

    // ---- what it may not

    @Test
    void a_citizen_operator_may_not_bump_another_citizen() {
        expectRule(daveOperatesBase()
                        .when(new BumpFingerprint(GOV, ZORA, fp(0x98), NOW.plus(Duration.ofDays(2)), null), AS_DAVE),
                Rule.CITIZEN_OPERATOR_LIMITS, "operator");
    }

    @Test
    void a_citizen_operator_may_not_cancel_another_citizens_bump() {
        expectRule(daveOperatesBase()
                        .when(new CancelFingerprintBump(GOV, ZORA, null), AS_DAVE),
                Rule.CITIZEN_OPERATOR_LIMITS, "operator");
    }

    @Test
    void a_citizen_operator_may_not_change_publish_register_retire_or_share_the_gov() {
        Object[] others = {
                new ReferenceCitizen(GOV, ORACLE_ORGANISM, null),
                new DropCitizen(GOV, ZORA, null),
                new ShipBasicService(GOV, ATLAS, null),
                new PublishGovConfig(GOV, null, null),
                new RegisterIntegrator(GOV, Name.of("acme"), "https://hooks.acme.example", "whsec_x", null),
                new RetireGov(GOV, null)
        };
        for (Object command : others) {
            expectRule(daveOperatesBase().when(command, AS_DAVE),
                    Rule.CITIZEN_OPERATOR_LIMITS, "operator");
        }
        expectRule(daveOperatesBase()
                .when(new AddCoOperator(GOV, "eve", null), AS_DAVE), Rule.NOT_THE_OWNER, "operator");
        expectRule(daveOperatesBase()
                .when(new AddCitizenOperator(GOV, ZORA, "eve", null), AS_DAVE), Rule.NOT_THE_OWNER, "operator");
    }

    @Test
    void a_stranger_learns_nothing_of_citizen_operators() {
        expectRule(daveOperatesBase()
                        .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null),
                                Map.of(Gov.OPERATOR, "mallory")),
                Rule.NOT_AN_OPERATOR, "operator");
    }

    // ---- when the authority ends

    @Test
    void a_removed_citizen_operator_is_a_stranger_again() {
        expectRule(fixture.given(publishedEcosystem())
                        .andGiven(DAVE_OPERATES_BASE, new CitizenOperatorRemoved(GOV, BASE, DAVE))
                        .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null), AS_DAVE),
                Rule.NOT_AN_OPERATOR, "operator");
    }

    @Test
    void dropping_the_citizen_ends_its_operators_authority() {
        expectRule(fixture.given(publishedEcosystem())
                        .andGiven(DAVE_OPERATES_BASE, new io.govlife.events.citizen.CitizenDropped(GOV, BASE,
                                io.govlife.events.citizen.CitizenKind.LATTICE, List.of(), fp(0x01)))
                        .when(new RemoveCitizenOperator(GOV, BASE, DAVE, null)),
                Rule.CITIZEN_OPERATOR_NOT_FOUND, "operator");
    }

    @Test
    void a_replacement_ends_the_replaced_citizens_operators_authority() {
        expectRule(fixture.given(publishedEcosystem())
                        .andGiven(DAVE_OPERATES_BASE, new CitizenReplaced(GOV, BASE,
                                GovTest.BASE_LATTICE.withFingerprint(fp(0x12)), List.of(), fp(0x02)))
                        .when(new BumpFingerprint(GOV, BASE, fp(0x99), NOW.plus(Duration.ofDays(2)), null), AS_DAVE),
                Rule.NOT_AN_OPERATOR, "operator");
    }
}
