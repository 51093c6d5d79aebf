package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.Name;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Who may change the gov: its owner, who alone changes these lists, and the co-operators the owner added; and who may
 * announce one citizen's bumps through it: that citizen's operators (DOMAIN.md v2), who reach nothing else.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Operators {

    private String owner;
    private TreeSet<String> coOperators = new TreeSet<>();
    /** Citizen name to the operators of that citizen. */
    private TreeMap<String, TreeSet<String>> citizenOperators = new TreeMap<>();

    void requireAuthority(String operator, Name gov) {
        if (!operates(operator)) {
            throw RuleViolation.notAnOperator(operator, gov, citizensOperatedBy(operator),
                    "schedule and cancel that citizen's bumps and read its notices, nothing else of the gov",
                    "ask its owner to add you as a co-operator");
        }
    }

    /** The gov's operators, and the citizen's own operators, announce its bumps. */
    void requireAuthorityOver(Name citizen, String operator, Name gov) {
        if (!operatesCitizen(citizen, operator)) {
            requireAuthority(operator, gov);
        }
    }

    private boolean operatesCitizen(Name citizen, String operator) {
        TreeSet<String> operators = citizenOperators.get(citizen.value());
        return operators != null && operators.contains(operator);
    }

    private boolean operates(String operator) {
        return operator != null && (operator.equals(owner) || coOperators.contains(operator));
    }

    private List<String> citizensOperatedBy(String operator) {
        return citizenOperators.entrySet().stream().filter(e -> e.getValue().contains(operator))
                .map(e -> "'" + e.getKey() + "'").toList();
    }

    private void requireOwner(String operator, Name gov) {
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

    /** {@code citizen} must be one the draft names; a gov operator needs no citizen authority on top of its own. */
    void addCitizenOperator(Name citizen, String citizenOperator, String operator, Gov gov) {
        requireOwner(operator, gov.name);
        gov.requireNotRetired();
        gov.draft.requireCitizen(citizen, gov.name);
        if (operates(citizenOperator)) {
            throw new RuleViolation(Rule.CITIZEN_OPERATOR_ALREADY, "operator", "'" + citizenOperator
                    + "' already operates all of gov '" + gov.name + "', '" + citizen + "' included");
        }
        if (operatesCitizen(citizen, citizenOperator)) {
            throw new RuleViolation(Rule.CITIZEN_OPERATOR_ALREADY, "operator", "'" + citizenOperator
                    + "' already operates citizen '" + citizen + "' of gov '" + gov.name + "'");
        }
        apply(new CitizenOperatorAdded(gov.name, citizen, citizenOperator));
    }

    void removeCitizenOperator(Name citizen, String citizenOperator, String operator, Gov gov) {
        requireOwner(operator, gov.name);
        gov.requireNotRetired();
        if (!operatesCitizen(citizen, citizenOperator)) {
            throw new RuleViolation(Rule.CITIZEN_OPERATOR_NOT_FOUND, "operator", "'" + citizenOperator
                    + "' is not an operator of citizen '" + citizen + "' of gov '" + gov.name + "'");
        }
        apply(new CitizenOperatorRemoved(gov.name, citizen, citizenOperator));
    }

    @EventSourcingHandler
    void on(CitizenOperatorAdded event) {
        citizenOperators.computeIfAbsent(event.citizen().value(), c -> new TreeSet<>()).add(event.operator());
    }

    @EventSourcingHandler
    void on(CitizenOperatorRemoved event) {
        TreeSet<String> operators = citizenOperators.get(event.citizen().value());
        if (operators != null) {
            operators.remove(event.operator());
            if (operators.isEmpty()) {
                citizenOperators.remove(event.citizen().value());
            }
        }
    }

    /** A dropped citizen's operators lose their authority with it, so a later citizen of that name starts with none. */
    @EventSourcingHandler
    void on(CitizenDropped event) {
        citizenOperators.remove(event.citizen().value());
    }

    /** A replacement is another reference, often another operator's: the owner names its operators anew. */
    @EventSourcingHandler
    void on(CitizenReplaced event) {
        citizenOperators.remove(event.citizen().value());
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
