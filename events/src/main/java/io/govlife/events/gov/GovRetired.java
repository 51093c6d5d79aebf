package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The name is retired for good. Pending bumps die with it; the last published GovConfig stays readable. */
@Revision("1")
public record GovRetired(Name gov, Long lastRevision, Fingerprint lastFingerprint,
                         List<Name> cancelledBumps) implements GovEvent {
}
