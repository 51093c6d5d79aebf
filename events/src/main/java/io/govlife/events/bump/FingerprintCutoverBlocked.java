package io.govlife.events.bump;

import io.govlife.events.Name;
import io.govlife.events.gov.GovEvent;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Cutover time came but spanning confluences still await their upgrade. The cutover is not dropped: it completes,
 * with its publication, as soon as the last awaited upgrade is recorded.
 */
@Revision("1")
public record FingerprintCutoverBlocked(Name gov, Name citizen, List<Name> awaitingConfluences)
        implements GovEvent {

    /** One pending bump per citizen: what the bump saga associates with. */
    public String bumpKey() {
        return gov.value() + "/" + citizen.value();
    }
}
