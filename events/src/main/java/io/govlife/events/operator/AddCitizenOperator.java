package io.govlife.events.operator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The gov's owner names an operator for one citizen: that operator's token may then schedule and cancel the
 * citizen's bumps and read its notices, nothing else of the gov.
 */
public record AddCitizenOperator(@TargetAggregateIdentifier Name gov, Name citizen, String operator,
                                 @TargetAggregateVersion Long expectedVersion) {
}
