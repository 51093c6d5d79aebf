package io.govlife.command.citizen;

import io.govlife.command.web.Constraints;
import io.govlife.events.Name;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.gov.Fingerprint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record LatticeRequest(
        @NotNull @Pattern(regexp = Name.PATTERN, message = Name.RULE) String name,
        @NotNull @Positive Long chainId,
        @NotNull @Pattern(regexp = Fingerprint.PATTERN, message = Fingerprint.RULE) String fingerprint,
        @Size(max = Constraints.TEXT_MAX) String operatorContact,
        @Size(max = 500) @Pattern(regexp = Constraints.HTTP_URL, message = Constraints.HTTP_URL_RULE) String handshakeUrl,
        @Size(max = Constraints.REASON_MAX) String reason) {

    LatticeRef toRef() {
        return new LatticeRef(Name.of(name), chainId, Fingerprint.of(fingerprint), operatorContact, handshakeUrl);
    }
}
