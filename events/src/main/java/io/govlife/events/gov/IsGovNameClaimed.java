package io.govlife.events.gov;

import io.govlife.events.Name;
/**
 * Whether any gov ever had this name, retired or not: a name is claimed with a gov's first event and never released.
 * Answered with a {@link Boolean}.
 */
public record IsGovNameClaimed(Name name) {
}
