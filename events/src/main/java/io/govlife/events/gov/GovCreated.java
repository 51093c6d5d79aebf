package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/** {@code owner} is the operator who created the gov: the one who may share it with co-operators. */
@Revision("1")
public record GovCreated(Name gov, Archetype archetype, String description, Fingerprint draftFingerprint,
                         String owner) implements GovEvent {
}
