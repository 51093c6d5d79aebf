package io.govlife.events.citizen;

import io.govlife.events.gov.GovEvent;
import io.govlife.events.Name;
import org.axonframework.serialization.Revision;

/**
 * An upgrade recorded while a citizen the confluence spans has a bump pending: it is held for that bump's cutover
 * publication instead of entering the draft, so other publications meanwhile do not carry it early.
 */
@Revision("1")
public record ConfluenceUpgradeHeld(Name gov, ConfluenceConfig confluence, Name heldForBumpOf)
        implements GovEvent {
}
