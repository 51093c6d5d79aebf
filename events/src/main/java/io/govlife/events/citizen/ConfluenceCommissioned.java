package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ConfluenceCommissioned(Name gov, ConfluenceConfig confluence, Fingerprint draftFingerprint)
        implements GovEvent {
}
