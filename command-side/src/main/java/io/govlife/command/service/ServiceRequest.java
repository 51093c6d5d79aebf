package io.govlife.command.service;

import io.govlife.command.web.Constraints;
import io.govlife.events.gov.Fingerprint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record ServiceRequest(
        @NotNull @Pattern(regexp = Fingerprint.PATTERN, message = Fingerprint.RULE) String fingerprint,
        @Size(max = 500) @Pattern(regexp = Constraints.HTTP_URL, message = Constraints.HTTP_URL_RULE) String docsUrl,
        @Size(max = Constraints.REASON_MAX) String reason) {
}
