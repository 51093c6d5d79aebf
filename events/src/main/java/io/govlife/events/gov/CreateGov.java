package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateGov(@TargetAggregateIdentifier Name gov, Archetype archetype, String description) {
}
