package io.govlife.events.gov;

import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/**
 * Revision {@code revision} of the GovConfig, frozen whole. {@code previousFingerprint} is null for the first
 * revision; {@code cutoverOf} names the citizen whose bump this publication carries out, null for a draft
 * publication. {@code metadataOnly}: the config differs from the previous revision only outside the fingerprint (docs
 * and handshake links, contacts, a confluence's version or pins under the same fingerprint), so the gov root is the
 * previous one and integrators need not recompile; absent (false) in events recorded before v1.1.
 */
@Revision("1")
public record GovConfigPublished(Name gov, long revision, Fingerprint fingerprint, Fingerprint previousFingerprint,
                                 GovConfig config, String notes, Name cutoverOf, boolean metadataOnly)
        implements GovEvent {

    /** A publication that moves the gov root (every one before v1.1). */
    public GovConfigPublished(Name gov, long revision, Fingerprint fingerprint, Fingerprint previousFingerprint,
                              GovConfig config, String notes, Name cutoverOf) {
        this(gov, revision, fingerprint, previousFingerprint, config, notes, cutoverOf, false);
    }
}
