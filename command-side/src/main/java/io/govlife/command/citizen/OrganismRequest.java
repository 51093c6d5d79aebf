package io.govlife.command.citizen;

import io.govlife.command.web.Constraints;
import io.govlife.events.Name;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.Fingerprint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code kind} is free text saying what the organism is (oracle feed, attestation aggregator…). */
record OrganismRequest(
        @NotNull @Pattern(regexp = Name.PATTERN, message = Name.RULE) String role,
        @NotNull @Pattern(regexp = Fingerprint.PATTERN, message = Fingerprint.RULE) String fingerprint,
        @Size(max = 64) String kind,
        @Size(max = Constraints.TEXT_MAX) String operatorContact,
        @Size(max = 500) @Pattern(regexp = Constraints.HTTP_URL, message = Constraints.HTTP_URL_RULE) String handshakeUrl,
        @Size(max = Constraints.REASON_MAX) String reason) {

    OrganismRef toRef() {
        return new OrganismRef(Name.of(role), Fingerprint.of(fingerprint), kind, operatorContact, handshakeUrl);
    }
}
