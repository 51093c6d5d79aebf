package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record PublishGovConfig(@TargetAggregateIdentifier Name gov, String notes,
                               @TargetAggregateVersion Long expectedVersion) {
}
