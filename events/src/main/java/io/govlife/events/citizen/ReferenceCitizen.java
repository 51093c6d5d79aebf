package io.govlife.events.citizen;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reference a lattice or a standalone organism in the draft. */
public record ReferenceCitizen(@TargetAggregateIdentifier Name gov, CitizenRef citizen,
                               @TargetAggregateVersion Long expectedVersion) {
}
