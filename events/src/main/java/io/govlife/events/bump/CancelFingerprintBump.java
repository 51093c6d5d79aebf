package io.govlife.events.bump;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CancelFingerprintBump(@TargetAggregateIdentifier GovName gov, CitizenName citizen,
                                    @TargetAggregateVersion Long expectedVersion) {
}
