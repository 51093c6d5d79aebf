package io.govlife.command.gov;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.GovConfig;

import java.util.List;

/**
 * What a bump's cutover would publish now: the last published GovConfig with the bumped fingerprint and the upgrades
 * held for the bump ({@code applied}, draft-only confluences' included); {@code awaiting} are the confluences of
 * that GovConfig spanning the bumped citizen with nothing recorded since the bump was scheduled, which block it.
 */
record CutoverPlan(GovConfig config, List<ConfluenceConfig> applied, List<CitizenName> awaiting) {

    CutoverPlan {
        applied = List.copyOf(applied);
        awaiting = List.copyOf(awaiting);
    }
}
