package io.govlife.events.citizen;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The confluence's operator vouches that it works unchanged with what changed under it (a reason goes with it). */
public record ConfirmConfluence(@TargetAggregateIdentifier GovName gov, CitizenName confluence,
                                @TargetAggregateVersion Long expectedVersion) {
}
