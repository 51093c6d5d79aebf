package io.govlife.events.bump;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Schedule a citizen's move to a new fingerprint at its cutover instant. */
public record BumpFingerprint(@TargetAggregateIdentifier GovName gov, CitizenName citizen, Fingerprint fingerprint,
                              Instant cutoverAt, @TargetAggregateVersion Long expectedVersion) {
}
