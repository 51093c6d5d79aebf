package io.govlife.events.integrator;

import java.util.List;

/**
 * The answer to {@link FindEnabledIntegratorEndpoints}, ordered by integrator name. A record rather than a bare list,
 * so the element type survives serialization when queries travel through Axon Server.
 */
public record IntegratorEndpoints(List<IntegratorEndpoint> endpoints) {

    public IntegratorEndpoints {
        endpoints = List.copyOf(endpoints);
    }
}
