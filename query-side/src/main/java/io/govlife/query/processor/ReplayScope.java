package io.govlife.query.processor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ReplayToken;
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
        return Optional.of(ReplayToken.replayContext(token, String.class).map(ReplayScope::names)
                .orElse(ReadModels.NAMES));
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

    private static boolean concerns(String readModel, Message<?> message) {
        if (message instanceof ResetContext<?> reset) {
            return !(reset.getPayload() instanceof String named) || names(named).contains(readModel);
        }
        if (message instanceof TrackedEventMessage<?> event) {
            return rebuilding(event.trackingToken()).map(named -> named.contains(readModel)).orElse(true);
        }
        return true;
    }

    private static List<String> names(String context) {
        return Arrays.asList(context.split(SEPARATOR));
    }
}
