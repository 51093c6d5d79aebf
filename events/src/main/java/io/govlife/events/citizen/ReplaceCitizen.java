package io.govlife.events.citizen;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ReplaceCitizen(@TargetAggregateIdentifier Name gov, Name citizen, CitizenRef replacement,
                             @TargetAggregateVersion Long expectedVersion) {
}
