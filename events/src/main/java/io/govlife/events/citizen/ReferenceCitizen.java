package io.govlife.events.citizen;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reference a lattice or a standalone organism in the draft. */
public record ReferenceCitizen(@TargetAggregateIdentifier GovName gov, CitizenRef citizen,
                               @TargetAggregateVersion Long expectedVersion) {
}
