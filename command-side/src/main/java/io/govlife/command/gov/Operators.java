package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovName;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Who may change the gov: its owner, who alone changes this list, and the co-operators the owner added. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Operators {

    private String owner;
    private TreeSet<String> coOperators = new TreeSet<>();

    void requireAuthority(String operator, GovName gov) {
        if (operator == null || !(operator.equals(owner) || coOperators.contains(operator))) {
            throw new RuleViolation(Rule.NOT_AN_OPERATOR, "operator", "'" + operator
                    + "' is not an operator of gov '" + gov + "': ask its owner to add you as a co-operator");
        }
    }

    private void requireOwner(String operator, GovName gov) {
        if (operator == null || !operator.equals(owner)) {
            throw new RuleViolation(Rule.NOT_THE_OWNER, "operator",
                    "only the owner of gov '" + gov + "' adds and removes co-operators");
        }
    }

    /** Only the owner changes who operates the gov; a retired gov, which accepts nothing, tells only the owner so. */
    void add(String coOperator, String operator, Gov gov) {
        requireOwner(operator, gov.name);
        gov.requireNotRetired();
        if (coOperator.equals(owner) || coOperators.contains(coOperator)) {
            throw new RuleViolation(Rule.CO_OPERATOR_ALREADY, "operator",
                    "'" + coOperator + "' already operates gov '" + gov.name + "'");
        }
        apply(new CoOperatorAdded(gov.name, coOperator));
    }

    void remove(String coOperator, String operator, Gov gov) {
        requireOwner(operator, gov.name);
        gov.requireNotRetired();
        if (!coOperators.contains(coOperator)) {
            throw new RuleViolation(Rule.CO_OPERATOR_NOT_FOUND, "operator",
                    "'" + coOperator + "' is not a co-operator of gov '" + gov.name + "'");
        }
        apply(new CoOperatorRemoved(gov.name, coOperator));
    }

    @EventSourcingHandler
    void on(GovCreated event) {
        owner = event.owner();
    }

    @EventSourcingHandler
    void on(CoOperatorAdded event) {
        coOperators.add(event.operator());
    }

    @EventSourcingHandler
    void on(CoOperatorRemoved event) {
        coOperators.remove(event.operator());
    }
}
