package io.govlife.events.operator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The gov's owner withdraws a citizen operator's authority over that citizen. */
public record RemoveCitizenOperator(@TargetAggregateIdentifier Name gov, Name citizen, String operator,
                                    @TargetAggregateVersion Long expectedVersion) {
}
