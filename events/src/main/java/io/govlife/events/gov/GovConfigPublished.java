package io.govlife.events.gov;

import io.govlife.events.citizen.CitizenName;
import org.axonframework.serialization.Revision;

/**
 * Revision {@code revision} of the GovConfig, frozen whole. {@code previousFingerprint} is null for the first
 * revision; {@code cutoverOf} names the citizen whose bump this publication carries out, null for a draft
 * publication.
 */
@Revision("1")
public record GovConfigPublished(GovName gov, long revision, Fingerprint fingerprint, Fingerprint previousFingerprint,
                                 GovConfig config, String notes, CitizenName cutoverOf)
        implements GovEvent {
}
