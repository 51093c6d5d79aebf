package io.govlife.events.gov;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetireGov(@TargetAggregateIdentifier GovName gov, @TargetAggregateVersion Long expectedVersion) {
}
