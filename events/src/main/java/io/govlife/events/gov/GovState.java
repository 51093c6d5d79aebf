package io.govlife.events.gov;

/**
 * What every write answers: the gov's state summary after the command. {@code version} is the sequence number
 * of the gov's latest event (0 after creation) and is what {@code ETag}/{@code If-Match} carry.
 */
public record GovState(String name, long version, String draftFingerprint, Long publishedRevision,
                       String publishedFingerprint) {
}
