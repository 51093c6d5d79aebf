package io.govlife.events.gov;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GovCreated(GovName gov, Archetype archetype, String description, Fingerprint draftFingerprint)
        implements GovEvent {
}
