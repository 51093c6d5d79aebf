package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

/** The endpoint answered {@code httpStatus} (410 Gone): no further notices go to it until it registers again. */
@Revision("1")
public record IntegratorEndpointDisabled(GovName gov, IntegratorName integrator, int httpStatus) implements GovEvent {
}
