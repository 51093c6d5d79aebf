package io.govlife.events.operator;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The owner shares the gov with another operator (a federated gov). */
public record AddCoOperator(@TargetAggregateIdentifier GovName gov, String operator,
                            @TargetAggregateVersion Long expectedVersion) {
}
