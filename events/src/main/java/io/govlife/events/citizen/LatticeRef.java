package io.govlife.events.citizen;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;

import java.util.Objects;

/** A block-building lattice for one EVM chain, named by its instance name ({@code LatticeConfig}). */
public record LatticeRef(Name name, long chainId, Fingerprint fingerprint,
                         String operatorContact, String handshakeUrl) implements CitizenRef {

    public LatticeRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive");
        }
    }

    @Override
    public CitizenKind citizenKind() {
        return CitizenKind.LATTICE;
    }

    @Override
    public LatticeRef withFingerprint(Fingerprint fingerprint) {
        return new LatticeRef(name, chainId, fingerprint, operatorContact, handshakeUrl);
    }
}
