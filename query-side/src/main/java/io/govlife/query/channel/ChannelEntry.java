package io.govlife.query.channel;

import java.time.Instant;

/** One announcement on a gov's change channel. {@code body} is Markdown. */
record ChannelEntry(String gov, long sequence, String kind, String title, String body, Instant occurredAt) {
}
