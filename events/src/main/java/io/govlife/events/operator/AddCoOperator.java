package io.govlife.events.operator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The owner shares the gov with another operator (a federated gov). */
public record AddCoOperator(@TargetAggregateIdentifier Name gov, String operator,
                            @TargetAggregateVersion Long expectedVersion) {
}
