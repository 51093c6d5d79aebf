package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetireGov(@TargetAggregateIdentifier Name gov, @TargetAggregateVersion Long expectedVersion) {
}
