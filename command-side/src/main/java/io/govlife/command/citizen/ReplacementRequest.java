package io.govlife.command.citizen;

import io.govlife.command.web.Constraints;
import io.govlife.events.citizen.CitizenRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * The citizen that takes the place of another: exactly one of {@code lattice} or {@code organism}, each with the
 * body its own reference endpoint takes.
 */
record ReplacementRequest(@Valid LatticeRequest lattice, @Valid OrganismRequest organism,
                                 @Size(max = Constraints.REASON_MAX) String reason) {

    @AssertTrue(message = "exactly one of lattice or organism must be given")
    public boolean isReplacement() {
        return (lattice == null) != (organism == null);
    }

    CitizenRef toRef() {
        return lattice != null ? lattice.toRef() : organism.toRef();
    }
}
