package io.govlife.events.citizen;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CommissionConfluence(@TargetAggregateIdentifier Name gov, ConfluenceConfig confluence,
                                   @TargetAggregateVersion Long expectedVersion) {
}
