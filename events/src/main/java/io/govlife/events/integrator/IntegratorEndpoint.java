package io.govlife.events.integrator;

/** An integrator of a gov and the webhook its notices are sent to. */
public record IntegratorEndpoint(IntegratorName integrator, String webhookUrl) {
}
