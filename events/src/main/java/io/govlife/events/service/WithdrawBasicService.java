package io.govlife.events.service;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawBasicService(@TargetAggregateIdentifier GovName gov, BasicService service,
                                   @TargetAggregateVersion Long expectedVersion) {
}
