package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Schedule a citizen's move to a new fingerprint at its cutover instant. */
public record BumpFingerprint(@TargetAggregateIdentifier Name gov, Name citizen, Fingerprint fingerprint,
                              Instant cutoverAt, @TargetAggregateVersion Long expectedVersion) {
}
