package io.govlife.events.operator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveCoOperator(@TargetAggregateIdentifier Name gov, String operator,
                               @TargetAggregateVersion Long expectedVersion) {
}
