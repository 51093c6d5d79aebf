package io.govlife.events.gov;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record PublishGovConfig(@TargetAggregateIdentifier GovName gov, String notes,
                               @TargetAggregateVersion Long expectedVersion) {
}
