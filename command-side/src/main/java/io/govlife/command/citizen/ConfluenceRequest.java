package io.govlife.command.citizen;

import io.govlife.command.web.Constraints;
import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.Fingerprint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A ConfluenceConfig as sent to commission ({@code name} required) or upgrade (name from the path) a confluence.
 * How many citizens it must span is a gov rule, checked by the aggregate; here only the shape.
 */
record ConfluenceRequest(
        @Pattern(regexp = Name.PATTERN, message = Name.RULE) String name,
        @NotNull @Pattern(regexp = Fingerprint.PATTERN, message = Fingerprint.RULE) String fingerprint,
        @NotNull @Size(max = 64) List<@NotNull @Pattern(regexp = Name.PATTERN, message = Name.RULE) String> spans,
        @NotBlank @Size(max = 64) String stateMachineVersion,
        @Size(max = 16) List<@NotNull @Pattern(regexp = ConfluenceConfig.MRTD_PATTERN,
                message = "must be an MR_TD: 96 lowercase hex characters (48 bytes)") String> mrtdPins,
        @Size(max = 500) @Pattern(regexp = Constraints.HTTP_URL, message = Constraints.HTTP_URL_RULE) String docsUrl,
        @Size(max = Constraints.REASON_MAX) String reason) {

    ConfluenceConfig toConfig(Name confluence) {
        return new ConfluenceConfig(confluence, Fingerprint.of(fingerprint),
                spans.stream().map(Name::of).toList(), stateMachineVersion, mrtdPins, docsUrl);
    }
}
