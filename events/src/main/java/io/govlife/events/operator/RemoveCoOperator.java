package io.govlife.events.operator;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveCoOperator(@TargetAggregateIdentifier GovName gov, String operator,
                               @TargetAggregateVersion Long expectedVersion) {
}
