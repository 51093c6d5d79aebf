package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The citizen is now at {@code toFingerprint}; the held upgrades of the confluences spanning it took effect.
 * The draft carries both; a {@code GovConfigPublished} for the cutover follows in the same transaction.
 * {@code staleConfluences}: the draft's confluences stale after it (those recorded before the bump was scheduled
 * that span the citizen included); null in events recorded before it was added.
 */
@Revision("1")
public record FingerprintCutOver(Name gov, Name citizen, Fingerprint fromFingerprint,
                                 Fingerprint toFingerprint, List<ConfluenceConfig> upgradedConfluences,
                                 Fingerprint draftFingerprint, List<Name> staleConfluences)
        implements GovEvent {

    public FingerprintCutOver(Name gov, Name citizen, Fingerprint fromFingerprint, Fingerprint toFingerprint,
                              List<ConfluenceConfig> upgradedConfluences, Fingerprint draftFingerprint) {
        this(gov, citizen, fromFingerprint, toFingerprint, upgradedConfluences, draftFingerprint, null);
    }

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
