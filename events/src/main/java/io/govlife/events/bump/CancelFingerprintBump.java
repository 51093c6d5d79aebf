package io.govlife.events.bump;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CancelFingerprintBump(@TargetAggregateIdentifier Name gov, Name citizen,
                                    @TargetAggregateVersion Long expectedVersion) {
}
