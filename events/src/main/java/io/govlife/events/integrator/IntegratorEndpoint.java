package io.govlife.events.integrator;

import io.govlife.events.Name;
/** An integrator of a gov and the webhook its notices are sent to. */
public record IntegratorEndpoint(Name integrator, String webhookUrl) {
}
