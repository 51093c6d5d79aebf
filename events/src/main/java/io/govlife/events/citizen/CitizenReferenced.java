package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/** A lattice or organism entered the draft. */
@Revision("1")
public record CitizenReferenced(Name gov, CitizenRef citizen, Fingerprint draftFingerprint) implements GovEvent {
}
