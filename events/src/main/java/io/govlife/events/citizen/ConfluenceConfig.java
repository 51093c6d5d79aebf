package io.govlife.events.citizen;

import io.govlife.events.Name;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.govlife.events.gov.Fingerprint;

import java.util.List;
import java.util.Objects;

/**
 * A cross-citizen organism: it spans two or more citizens, in order, runs a state-machine version and may pin
 * TDX measurements (MR_TD, 48 bytes as 96 hex characters). {@code docsUrl}, where integrators read how to bind to
 * it, is outside the fingerprint like everything but {@code fingerprint}: changing it alone makes a metadata revision.
 * Left out of the JSON when absent, so a GovConfig without docs links reads as it did before there were any.
 */
public record ConfluenceConfig(Name name, Fingerprint fingerprint, List<Name> spans,
                               String stateMachineVersion, List<String> mrtdPins,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String docsUrl) {

    public static final String MRTD_PATTERN = "^[0-9a-f]{96}$";

    public ConfluenceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        Objects.requireNonNull(stateMachineVersion, "stateMachineVersion");
        mrtdPins = mrtdPins == null ? List.of() : List.copyOf(mrtdPins);
    }

    /** A confluence without a docs link, as every confluence recorded before v1.1 is. */
    public ConfluenceConfig(Name name, Fingerprint fingerprint, List<Name> spans,
                            String stateMachineVersion, List<String> mrtdPins) {
        this(name, fingerprint, spans, stateMachineVersion, mrtdPins, null);
    }

    public boolean spans(Name citizen) {
        return spans.contains(citizen);
    }
}
