package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The citizen left the draft; {@code staleConfluences} spanned it and must be upgraded before publishing. */
@Revision("1")
public record CitizenDropped(Name gov, Name citizen, CitizenKind kind, List<Name> staleConfluences,
                             Fingerprint draftFingerprint) implements GovEvent {
}
