package io.govlife.events.bump;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A citizen announced it moves to {@code toFingerprint} at {@code cutoverAt}. {@code expectedGovFingerprint} is the
 * GovConfig fingerprint the cutover will publish — what integrators are told to expect.
 * {@code confluencesToUpgrade} span the citizen and need an upgrade recorded by cutover;
 * {@code publishedGovFingerprint} is the GovConfig integrators bind to until then.
 */
@Revision("1")
public record FingerprintBumpScheduled(GovName gov, CitizenName citizen, Fingerprint fromFingerprint,
                                       Fingerprint toFingerprint, Instant cutoverAt, Fingerprint expectedGovFingerprint,
                                       List<CitizenName> confluencesToUpgrade, Fingerprint publishedGovFingerprint)
        implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
