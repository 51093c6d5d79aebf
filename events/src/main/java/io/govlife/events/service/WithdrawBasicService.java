package io.govlife.events.service;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawBasicService(@TargetAggregateIdentifier Name gov, BasicService service,
                                   @TargetAggregateVersion Long expectedVersion) {
}
