package io.govlife.command.gov;

import io.govlife.events.gov.GovName;
import io.govlife.events.integrator.IntegratorName;

import java.time.Instant;

/**
 * Integrators' endpoints and signing secrets, kept beside the event log and written in the transaction of the
 * command that changes them. So whoever handles an event later (the bump saga, notice delivery) finds the
 * directory exactly as it stood when the event was appended; and a secret, never in the log, can be forgotten.
 */
interface IntegratorDirectory {

    void register(GovName gov, IntegratorName integrator, String webhookUrl, String secret);

    /** The current secret keeps signing until {@code previousValidUntil}; {@code secret} signs from now on. */
    void rotate(GovName gov, IntegratorName integrator, String secret, Instant previousValidUntil);

    void unregister(GovName gov, IntegratorName integrator);

    void disable(GovName gov, IntegratorName integrator);
}
