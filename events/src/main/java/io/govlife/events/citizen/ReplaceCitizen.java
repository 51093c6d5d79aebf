package io.govlife.events.citizen;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ReplaceCitizen(@TargetAggregateIdentifier GovName gov, CitizenName citizen, CitizenRef replacement,
                             @TargetAggregateVersion Long expectedVersion) {
}
