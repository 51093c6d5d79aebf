package io.govlife.events.integrator;

import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/** A new signing secret; the old one keeps signing alongside it for {@code overlap}. */
public record RotateIntegratorSecret(@TargetAggregateIdentifier GovName gov, IntegratorName integrator, String secret,
                                     Duration overlap) {

    @Override
    public String toString() {
        return "RotateIntegratorSecret[gov=" + gov + ", integrator=" + integrator + ", overlap=" + overlap + "]";
    }
}
