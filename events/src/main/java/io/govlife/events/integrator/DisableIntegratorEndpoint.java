package io.govlife.events.integrator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by notice delivery when an endpoint answers 410 Gone: it asked not to be called again. */
public record DisableIntegratorEndpoint(@TargetAggregateIdentifier Name gov, Name integrator,
                                        int httpStatus) {
}
