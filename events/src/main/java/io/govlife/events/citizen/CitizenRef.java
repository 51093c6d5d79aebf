package io.govlife.events.citizen;

import io.govlife.events.Name;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.govlife.events.gov.Fingerprint;

/**
 * A reference to a citizen the gov names directly by its fingerprint: a lattice or a standalone organism.
 * Confluences are commissioned, not referenced, and carry a {@link ConfluenceConfig} instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LatticeRef.class, name = "lattice"),
        @JsonSubTypes.Type(value = OrganismRef.class, name = "organism")
})
public sealed interface CitizenRef permits LatticeRef, OrganismRef {

    Name name();

    Fingerprint fingerprint();

    CitizenKind citizenKind();

    CitizenRef withFingerprint(Fingerprint fingerprint);
}
