package io.govlife.events.integrator;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record UnregisterIntegrator(@TargetAggregateIdentifier GovName gov, IntegratorName integrator,
                                   @TargetAggregateVersion Long expectedVersion) {
}
