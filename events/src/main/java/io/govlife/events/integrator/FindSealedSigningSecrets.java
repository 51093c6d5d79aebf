package io.govlife.events.integrator;

import io.govlife.events.Name;

import java.time.Instant;

/**
 * The secrets an integrator's notices are signed with at {@code at}: its current secret and any rotated-out one
 * still in its overlap, answered with {@link SealedSigningSecrets}. A secret never leaves the directory in clear
 * (notice delivery opens it with the application's secrets key).
 */
public record FindSealedSigningSecrets(Name gov, Name integrator, Instant at) {
}
