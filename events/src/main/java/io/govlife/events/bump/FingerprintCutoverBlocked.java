package io.govlife.events.bump;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovName;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Cutover time came but spanning confluences still await their upgrade. The cutover is not dropped: it completes,
 * with its publication, as soon as the last awaited upgrade is recorded.
 */
@Revision("1")
public record FingerprintCutoverBlocked(GovName gov, CitizenName citizen, List<CitizenName> awaitingConfluences)
        implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
