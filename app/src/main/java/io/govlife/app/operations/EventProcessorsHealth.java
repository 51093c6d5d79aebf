package io.govlife.app.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the event processors: up only when every one runs and none is in error, with each one's state
 * (running, replaying, in error) in the details. Until then the read models are not being kept.
 */
@Component("eventProcessors")
class EventProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealth(EventProcessingConfiguration processing) {
        super("event processors not ready");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean ready = true;
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .toList()) {
            boolean inError = processor.isError()
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            String state = !processor.isRunning() ? "stopped" : inError ? "in error"
                    : processor.isReplaying() ? "replaying" : "running";
            details.put(processor.getName(), state);
            ready &= processor.isRunning() && !inError;
        }
        (ready ? health.up() : health.down()).withDetails(details);
    }
}
