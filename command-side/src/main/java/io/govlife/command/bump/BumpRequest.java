package io.govlife.command.bump;

import io.govlife.command.web.Constraints;
import io.govlife.command.web.SaneInstant;
import io.govlife.events.gov.Fingerprint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

record BumpRequest(
        @NotNull @Pattern(regexp = Fingerprint.PATTERN, message = Fingerprint.RULE) String fingerprint,
        @NotNull @SaneInstant Instant cutoverAt,
        @Size(max = Constraints.REASON_MAX) String reason) {
}
