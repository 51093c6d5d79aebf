package io.govlife.events.citizen;

import io.govlife.events.gov.Fingerprint;
import io.govlife.events.Name;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

/**
 * The confluence, as it is, confirmed to work with the citizens it spans as they are now: it counts as recorded
 * after their changes (a replacement, a scheduled bump), like an upgrade that changes nothing.
 */
@Revision("1")
public record ConfluenceConfirmed(Name gov, ConfluenceConfig confluence, Fingerprint draftFingerprint)
        implements GovEvent {
}
