package io.govlife.events.integrator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record UnregisterIntegrator(@TargetAggregateIdentifier Name gov, Name integrator,
                                   @TargetAggregateVersion Long expectedVersion) {
}
