package io.govlife.command.integrator;

import io.govlife.command.web.Constraints;
import io.govlife.events.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record IntegratorRequest(
        @NotNull @Pattern(regexp = Name.PATTERN, message = Name.RULE) String name,
        @NotNull @Size(max = 500) @Pattern(regexp = Constraints.HTTP_URL, message = Constraints.HTTP_URL_RULE)
        String webhookUrl,
        @Size(max = Constraints.REASON_MAX) String reason) {
}
