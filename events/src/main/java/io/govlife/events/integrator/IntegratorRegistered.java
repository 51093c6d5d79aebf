package io.govlife.events.integrator;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

@Revision("1")
public record IntegratorRegistered(GovName gov, IntegratorName integrator, String webhookUrl) implements GovEvent {
}
