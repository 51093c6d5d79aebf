package io.govlife.events.service;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ship a basic service, or re-ship it with a new fingerprint or docs link. */
public record ShipBasicService(@TargetAggregateIdentifier Name gov, ServiceRef service,
                               @TargetAggregateVersion Long expectedVersion) {
}
