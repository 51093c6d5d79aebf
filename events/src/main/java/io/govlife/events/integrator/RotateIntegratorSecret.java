package io.govlife.events.integrator;

import io.govlife.events.Name;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Duration;

/** A new signing secret; the old one keeps signing alongside it for {@code overlap}. */
public record RotateIntegratorSecret(@TargetAggregateIdentifier Name gov, Name integrator, String secret,
                                     Duration overlap, @TargetAggregateVersion Long expectedVersion) {

    /** Without {@code If-Match}, like every other write that may omit it. */
    public RotateIntegratorSecret(Name gov, Name integrator, String secret, Duration overlap) {
        this(gov, integrator, secret, overlap, null);
    }

    @Override
    public String toString() {
        return "RotateIntegratorSecret[gov=" + gov + ", integrator=" + integrator + ", overlap=" + overlap + "]";
    }
}
