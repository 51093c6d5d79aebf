package io.govlife.events.gov;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateGov(@TargetAggregateIdentifier GovName gov, Archetype archetype, String description) {
}
