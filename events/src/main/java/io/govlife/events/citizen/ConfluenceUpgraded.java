package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/** The draft carries the new ConfluenceConfig; any staleness of the confluence is cleared. */
@Revision("1")
public record ConfluenceUpgraded(Name gov, ConfluenceConfig confluence, Fingerprint draftFingerprint)
        implements GovEvent {
}
