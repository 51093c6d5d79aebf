package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The secret changed; the previous one stays valid for signatures until {@code previousValidUntil}. */
@Revision("1")
public record IntegratorSecretRotated(Name gov, Name integrator, Instant previousValidUntil)
        implements GovEvent {
}
