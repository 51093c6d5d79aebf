package io.govlife.events.gov;

/** Informational only (DOMAIN.md): it shapes nothing the aggregate enforces. */
public enum Archetype {
    ECOSYSTEM,
    SERVICE,
    FEDERATED
}
