package io.govlife.app.operations;

import io.govlife.query.processor.DeadLetters;
import io.govlife.query.processor.ProcessorControl;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the event processors: up only when every one runs and none is in error, with each one's state
 * (running, replaying, in error) in the details. Until then the read models are not being kept. Events a read model
 * parked in its dead-letter queue make it {@code DEGRADED}, still ready (HTTP 200): the node serves every other gov,
 * and the count per read model tells the admin what to look at ({@code /api/admin/dead-letters}). So does a pause of
 * the read models asked for the cluster: their tables are behind the log on purpose.
 */
@Component("eventProcessors")
class EventProcessorsHealth extends AbstractHealthIndicator {

    /** Between {@code OUT_OF_SERVICE} and {@code UP} in {@code management.endpoint.health.status.order}. */
    static final Status DEGRADED = new Status("DEGRADED",
            "read models paused on purpose, or parked events they could not handle");

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;
    private final ProcessorControl control;

    EventProcessorsHealth(EventProcessingConfiguration processing, DeadLetters deadLetters, ProcessorControl control) {
        super("event processors not ready");
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.control = control;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean ready = true;
        boolean degraded = false;
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .toList()) {
            boolean inError = processor.isError()
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            boolean paused = control.pausedOnPurpose(processor.getName());
            String state = paused ? "paused" : !processor.isRunning() ? "stopped" : inError ? "in error"
                    : processor.isReplaying() ? "replaying" : "running";
            details.put(processor.getName(), state);
            ready &= (paused || processor.isRunning()) && !inError;
            degraded |= paused;
        }
        Map<String, Long> parked = deadLetters.parked();
        if (!parked.isEmpty()) {
            details.put("deadLetters", parked);
        }
        degraded |= !parked.isEmpty();
        (ready ? degraded ? health.status(DEGRADED) : health.up() : health.down()).withDetails(details);
    }
}
