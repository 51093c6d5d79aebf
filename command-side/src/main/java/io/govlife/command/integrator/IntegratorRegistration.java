package io.govlife.command.integrator;

import io.govlife.events.gov.GovState;

/** The answer to a registration or rotation: the signing secret, shown this once and never again. */
record IntegratorRegistration(String integrator, String webhookUrl, String secret, GovState gov) {
}
