package io.govlife.events.citizen;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The confluence's operator vouches that it works unchanged with what changed under it (a reason goes with it). */
public record ConfirmConfluence(@TargetAggregateIdentifier Name gov, Name confluence,
                                @TargetAggregateVersion Long expectedVersion) {
}
