package io.govlife.events.citizen;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;

import java.util.Objects;

/**
 * A standalone organism ({@code OrganismRef}: role name + fingerprint). {@code kind} is the operator's free-text
 * description of what it is (oracle feed, attestation aggregator…), not a {@link CitizenKind}.
 */
public record OrganismRef(Name role, Fingerprint fingerprint, String kind,
                          String operatorContact, String handshakeUrl) implements CitizenRef {

    public OrganismRef {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public Name name() {
        return role;
    }

    @Override
    public CitizenKind citizenKind() {
        return CitizenKind.ORGANISM;
    }

    @Override
    public OrganismRef withFingerprint(Fingerprint fingerprint) {
        return new OrganismRef(role, fingerprint, kind, operatorContact, handshakeUrl);
    }
}
