package io.govlife.query.processor;

import java.util.List;

/**
 * A read model's processor as an operator watches it: where it is in the log, how far the log goes, and whether
 * it is running, paused for the cluster, replaying or stuck on an error. {@code position} and {@code caughtUp} speak for the segments this
 * node processes; {@code unclaimedSegments} counts those no node holds, whose events nobody is projecting.
 */
record ProjectionStatus(String name, boolean running, boolean paused, boolean replaying, boolean caughtUp, boolean inError,
                               Long position, Long head, Double replayProgress, List<String> errors,
                               int unclaimedSegments) {
}
