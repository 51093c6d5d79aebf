package io.govlife.events.bump;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The citizen is now at {@code toFingerprint}; the held upgrades of the confluences spanning it took effect.
 * The draft carries both; a {@code GovConfigPublished} for the cutover follows in the same transaction.
 */
@Revision("1")
public record FingerprintCutOver(GovName gov, CitizenName citizen, Fingerprint fromFingerprint,
                                 Fingerprint toFingerprint, List<ConfluenceConfig> upgradedConfluences,
                                 Fingerprint draftFingerprint) implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
