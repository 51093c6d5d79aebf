package io.govlife.command.gov;

import io.govlife.events.citizen.ConfluenceConfig;

/**
 * A confluence upgrade (or confirmation) recorded while a citizen it spans has a bump pending, with the sequence
 * number of the event that recorded it: it counts for every bump scheduled before that, and enters the published
 * GovConfig and the draft at such a bump's cutover, not before.
 */
record HeldUpgrade(ConfluenceConfig config, long recordedAt) {
}
