package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The GovConfig fingerprint a pending cutover will publish changed (a spanning confluence's upgrade was recorded,
 * or another revision was published meanwhile): integrators get an updated notice, so what they were told is
 * what gets published.
 */
@Revision("1")
public record CutoverFingerprintRevised(Name gov, Name citizen, Instant cutoverAt,
                                        Fingerprint previousExpectedGovFingerprint,
                                        Fingerprint expectedGovFingerprint) implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
