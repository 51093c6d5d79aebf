package io.govlife.events.operator;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The gov's owner withdraws a citizen operator's authority over that citizen. */
public record RemoveCitizenOperator(@TargetAggregateIdentifier GovName gov, CitizenName citizen, String operator,
                                    @TargetAggregateVersion Long expectedVersion) {
}
