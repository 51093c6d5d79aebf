package io.govlife.command.gov;

import io.govlife.command.web.Constraints;
import io.govlife.events.gov.Archetype;
import io.govlife.events.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateGovRequest(
        @NotNull @Pattern(regexp = Name.PATTERN, message = Name.RULE) String name,
        @NotNull Archetype archetype,
        @Size(max = Constraints.REASON_MAX) String description,
        @Size(max = Constraints.REASON_MAX) String reason) {
}
