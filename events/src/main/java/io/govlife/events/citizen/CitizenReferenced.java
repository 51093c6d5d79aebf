package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

/** A lattice or organism entered the draft. */
@Revision("1")
public record CitizenReferenced(GovName gov, CitizenRef citizen, Fingerprint draftFingerprint) implements GovEvent {
}
