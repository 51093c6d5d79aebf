package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The bump will not happen. Upgrades held only for it are discarded: they were made for a fingerprint the citizen
 * will not move to.
 */
@Revision("1")
public record FingerprintBumpCancelled(Name gov, Name citizen, Fingerprint toFingerprint,
                                       Instant cutoverAt, List<Name> discardedUpgrades) implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
