package io.govlife.events.citizen;

public enum CitizenKind {
    LATTICE,
    ORGANISM,
    CONFLUENCE
}
