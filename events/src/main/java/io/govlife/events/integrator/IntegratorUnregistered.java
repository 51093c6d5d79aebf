package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

@Revision("1")
public record IntegratorUnregistered(Name gov, Name integrator) implements GovEvent {
}
