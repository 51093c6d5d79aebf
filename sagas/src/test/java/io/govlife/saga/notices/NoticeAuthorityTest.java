package io.govlife.saga.notices;

import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.Name;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.Rule;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeAuthorityTest {

    private static final Name GOV = Name.of("gov.one");

    private final NoticeAuthority authority = new NoticeAuthority(NoticeTables.fresh());

    private static Principal as(String name) {
        return () -> name;
    }

    @Test
    void the_owner_and_co_operators_read_and_act_others_do_neither() {
        authority.on(new GovCreated(GOV, Archetype.SERVICE, null, null, "alice"));
        authority.on(new CoOperatorAdded(GOV, "dave"));

        assertThatCode(() -> authority.require("gov.one", as("alice"), false, false)).doesNotThrowAnyException();
        assertThatCode(() -> authority.require("gov.one", as("dave"), false, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.require("gov.one", as("mallory"), false, true))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> authority.require("gov.one", null, false, true)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> authority.require("gov.two", as("alice"), false, true))
                .isInstanceOf(RuleViolation.class);

        authority.on(new CoOperatorRemoved(GOV, "dave"));
        assertThatThrownBy(() -> authority.require("gov.one", as("dave"), false, true))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void an_admin_token_reads_but_does_not_act() {
        assertThatCode(() -> authority.require("gov.one", as("root"), true, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.require("gov.one", as("root"), true, false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("admin");
    }

    @Test
    void events_handled_again_change_nothing() {
        GovCreated created = new GovCreated(GOV, Archetype.SERVICE, null, null, "alice");
        authority.on(created);
        authority.on(created);
        authority.on(new CoOperatorAdded(GOV, "dave"));
        authority.on(new CoOperatorAdded(GOV, "dave"));
        authority.on(new CoOperatorRemoved(GOV, "dave"));
        authority.on(new CoOperatorRemoved(GOV, "dave"));
        assertThatCode(() -> authority.require("gov.one", as("alice"), false, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.require("gov.one", as("dave"), false, false))
                .isInstanceOf(RuleViolation.class);
        authority.onReset();
        assertThatThrownBy(() -> authority.require("gov.one", as("alice"), false, false))
                .isInstanceOf(RuleViolation.class);
    }

    private static final Name ORACLE = Name.of("price-oracle");

    @Test
    void a_citizen_operator_reads_its_citizen_s_notices_and_acts_on_none() {
        authority.on(new GovCreated(GOV, Archetype.SERVICE, null, null, "alice"));
        authority.on(new CitizenOperatorAdded(GOV, ORACLE, "carol"));
        authority.on(new CitizenOperatorAdded(GOV, ORACLE, "carol"));

        assertThat(authority.reader("gov.one", as("carol"), false).citizens()).containsExactly("price-oracle");
        assertThat(authority.reader("gov.one", as("alice"), false).wholeGov()).isTrue();
        assertThat(authority.reader("gov.one", as("root"), true).wholeGov()).isTrue();
        assertThatThrownBy(() -> authority.require("gov.one", as("carol"), false, false))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.rule())
                        .isEqualTo(Rule.CITIZEN_OPERATOR_LIMITS))
                .hasMessageContaining("price-oracle");
        assertThatThrownBy(() -> authority.reader("gov.two", as("carol"), false))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.rule())
                        .isEqualTo(Rule.NOT_AN_OPERATOR));
        assertThatThrownBy(() -> authority.reader("gov.one", as("mallory"), false))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.rule())
                        .isEqualTo(Rule.NOT_AN_OPERATOR));

        authority.on(new CitizenOperatorRemoved(GOV, ORACLE, "carol"));
        assertThatThrownBy(() -> authority.reader("gov.one", as("carol"), false)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_citizen_s_operators_lose_its_notices_when_it_is_dropped_or_replaced() {
        authority.on(new CitizenOperatorAdded(GOV, ORACLE, "carol"));
        authority.on(new CitizenOperatorAdded(GOV, Name.of("base"), "bob"));
        authority.on(new CitizenDropped(GOV, ORACLE, CitizenKind.ORGANISM, List.of(), null));
        assertThatThrownBy(() -> authority.reader("gov.one", as("carol"), false)).isInstanceOf(RuleViolation.class);
        assertThat(authority.reader("gov.one", as("bob"), false).citizens()).containsExactly("base");

        authority.on(new CitizenReplaced(GOV, Name.of("base"), new OrganismRef(Name.of("base"),
                Fingerprint.of("77".repeat(32)), null, null, null), List.of(), null));
        assertThatThrownBy(() -> authority.reader("gov.one", as("bob"), false)).isInstanceOf(RuleViolation.class);
    }
}
