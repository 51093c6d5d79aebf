package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/** The endpoint answered {@code httpStatus} (410 Gone): no further notices go to it until it registers again. */
@Revision("1")
public record IntegratorEndpointDisabled(Name gov, Name integrator, int httpStatus) implements GovEvent {
}
