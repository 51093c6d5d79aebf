package io.govlife.events.service;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ship a basic service, or re-ship it with a new fingerprint or docs link. */
public record ShipBasicService(@TargetAggregateIdentifier GovName gov, ServiceRef service,
                               @TargetAggregateVersion Long expectedVersion) {
}
