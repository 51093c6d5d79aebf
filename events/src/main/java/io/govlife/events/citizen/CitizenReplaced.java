package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

import java.util.List;

/** {@code citizen} left the draft and {@code replacement} took its place in one step. */
@Revision("1")
public record CitizenReplaced(Name gov, Name citizen, CitizenRef replacement,
                              List<Name> staleConfluences, Fingerprint draftFingerprint) implements GovEvent {
}
