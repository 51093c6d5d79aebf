package io.govlife.events.bump;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent at the cutover instant (by the bump saga's deadline): carry out the bump and publish. */
public record CutOverFingerprint(@TargetAggregateIdentifier Name gov, Name citizen) {
}
