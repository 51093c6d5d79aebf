package io.govlife.command.gov;

import io.govlife.events.Name;

import java.time.Instant;

/**
 * Integrators' endpoints and signing secrets, kept beside the event log and written in the transaction of the
 * command that changes them. So whoever handles an event later (the bump saga, notice delivery) finds the
 * directory exactly as it stood when the event was appended; and a secret, never in the log, can be forgotten.
 */
interface IntegratorDirectory {

    void register(Name gov, Name integrator, String webhookUrl, String secret);

    /** The current secret keeps signing until {@code previousValidUntil}; {@code secret} signs from now on. */
    void rotate(Name gov, Name integrator, String secret, Instant previousValidUntil);

    void unregister(Name gov, Name integrator);

    void disable(Name gov, Name integrator);
}
