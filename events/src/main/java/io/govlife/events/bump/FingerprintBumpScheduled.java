package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A citizen announced it moves to {@code toFingerprint} at {@code cutoverAt}. {@code expectedGovFingerprint} is the
 * GovConfig fingerprint the cutover will publish — what integrators are told to expect.
 * {@code confluencesToUpgrade} span the citizen and need an upgrade recorded by cutover;
 * {@code publishedGovFingerprint} is the GovConfig integrators bind to until then.
 * <p>
 * The gov does not dictate a citizen's cadence: a cutover inside the minimum notice is recorded, flagged
 * {@code shortNotice}; a cutover already past when announced is a catch-up, {@code lateBy} how long past (null
 * otherwise), and its cutover follows at once. Both are false/null in events recorded before v1.1.
 */
@Revision("1")
public record FingerprintBumpScheduled(Name gov, Name citizen, Fingerprint fromFingerprint,
                                       Fingerprint toFingerprint, Instant cutoverAt, Fingerprint expectedGovFingerprint,
                                       List<Name> confluencesToUpgrade, Fingerprint publishedGovFingerprint,
                                       boolean shortNotice, Duration lateBy)
        implements GovEvent {

    /** A bump announced with at least the minimum notice. */
    public FingerprintBumpScheduled(Name gov, Name citizen, Fingerprint fromFingerprint,
                                    Fingerprint toFingerprint, Instant cutoverAt, Fingerprint expectedGovFingerprint,
                                    List<Name> confluencesToUpgrade, Fingerprint publishedGovFingerprint) {
        this(gov, citizen, fromFingerprint, toFingerprint, cutoverAt, expectedGovFingerprint, confluencesToUpgrade,
                publishedGovFingerprint, false, null);
    }

    /** The citizen had already moved when it announced the bump. */
    public boolean catchUp() {
        return lateBy != null;
    }

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
