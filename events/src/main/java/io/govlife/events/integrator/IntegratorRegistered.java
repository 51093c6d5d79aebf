package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

@Revision("1")
public record IntegratorRegistered(Name gov, Name integrator, String webhookUrl) implements GovEvent {
}
