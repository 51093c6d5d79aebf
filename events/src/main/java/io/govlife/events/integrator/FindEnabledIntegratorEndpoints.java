package io.govlife.events.integrator;

import io.govlife.events.Name;

/**
 * Where the gov's notices go: its integrators whose endpoint delivery has not disabled, answered with
 * {@link IntegratorEndpoints} ordered by integrator name. Asked of the integrator directory, which the command side
 * keeps.
 */
public record FindEnabledIntegratorEndpoints(Name gov) {
}
