package io.govlife.command.gov;

import io.govlife.events.Name;

/**
 * Set-based validation of gov names: a claim is written in the same transaction as the gov's first event and is
 * never released, so a name is unique across all govs and a retired name is never reused.
 */
interface GovNameRegistry {

    /** @throws io.govlife.events.gov.RuleViolation with {@code GOV_NAME_TAKEN} if any gov ever had the name */
    void claim(Name name);
}
