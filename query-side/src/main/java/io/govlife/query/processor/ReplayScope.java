package io.govlife.query.processor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which read models a rebuild concerns. The read models share one processor, so resetting it for one of them
 * would otherwise empty and replay all six. The reset's context names the read models being rebuilt
 * ({@link #context}); a read model not named keeps its tables at the reset and skips the events replayed, which it
 * has already seen, and handles every event after the replay's end as usual. A reset without context rebuilds all.
 */
final class ReplayScope implements HandlerEnhancerDefinition {

    private static final String SEPARATOR = ",";

    /** The reset context that rebuilds these read models. */
    static String context(List<String> readModels) {
        return String.join(SEPARATOR, readModels.stream().sorted().distinct().toList());
    }

    /** The read models a replay under this token rebuilds: none when it is not replaying, all when it names none. */
    static Optional<List<String>> rebuilding(org.axonframework.eventhandling.TrackingToken token) {
        if (!ReplayToken.isReplay(token)) {
            return Optional.empty();
        }
        return Optional.of(named(token));
    }

    /**
     * The read models whose rebuild under this segment's token has events left to replay: none once the replay has
     * reached where the log stood at the reset. Not {@link #rebuilding}: a token stays a replay token after that,
     * until the segment's next event, which may be long.
     */
    static List<String> stillRebuilding(org.axonframework.eventhandling.TrackingToken token) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .filter(replay -> replay.getTokenAtReset() != null && (replay.getCurrentToken() == null
                        || !replay.getCurrentToken().covers(replay.getTokenAtReset())))
                .map(ReplayScope::named)
                .orElse(List.of());
    }

    /**
     * A segment's token as the processor holds it, replay and its context included: the status's own
     * {@code getTrackingToken()} unwraps a replay token to its position, so no replay would ever show.
     */
    static org.axonframework.eventhandling.TrackingToken tokenOf(EventTrackerStatus status) {
        return status instanceof TrackerStatus tracker ? tracker.getInternalTrackingToken() : status.getTrackingToken();
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !ReadModels.NAMES.contains(group.value())) {
            return original;
        }
        String readModel = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return concerns(readModel, message) ? super.handle(message, target) : null;
            }
        };
    }

    /** Whether this message, an event or a reset, is one the read model handles (not a replay of another's). */
    static boolean concerns(String readModel, Message<?> message) {
        if (message instanceof ResetContext<?> reset) {
            return !(reset.getPayload() instanceof String named) || names(named).contains(readModel);
        }
        if (message instanceof TrackedEventMessage<?> event) {
            return rebuilding(event.trackingToken()).map(named -> named.contains(readModel)).orElse(true);
        }
        return true;
    }

    /** The read models a replay token's reset named; all when it named none. */
    private static List<String> named(org.axonframework.eventhandling.TrackingToken replay) {
        return ReplayToken.replayContext(replay, String.class).map(ReplayScope::names).orElse(ReadModels.NAMES);
    }

    private static List<String> names(String context) {
        return Arrays.asList(context.split(SEPARATOR));
    }
}
