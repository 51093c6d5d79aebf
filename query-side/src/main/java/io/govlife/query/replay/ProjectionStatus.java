package io.govlife.query.replay;

import java.util.List;

/**
 * A read model's processor as an operator watches it: where it is in the log, how far the log goes, and whether
 * it is running, replaying or stuck on an error.
 */
record ProjectionStatus(String name, boolean running, boolean replaying, boolean caughtUp, boolean inError,
                               Long position, Long head, Double replayProgress, List<String> errors) {
}
