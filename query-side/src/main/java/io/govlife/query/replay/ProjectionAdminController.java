package io.govlife.query.replay;

import io.govlife.query.support.QueryProblems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rebuilds a read model from the log: stop its processor, reset its tokens (its {@code @ResetHandler} empties its
 * tables), start it again. Only read models: sagas act on the world and are never replayed.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    /** The processing groups that are read models; anything else (sagas) cannot be replayed from here. */
    static final List<String> PROJECTIONS = List.of("composition", "revisions", "audit", "channel", "reports");

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        Long head = position(eventStore.createHeadToken());
        return PROJECTIONS.stream()
                .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream())
                .map(processor -> status(processor, head))
                .toList();
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        if (!PROJECTIONS.contains(name)) {
            throw QueryProblems.notFound("projection-not-found", "name",
                    "no read model named '" + name + "'; read models are " + PROJECTIONS);
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> QueryProblems.notFound("projection-not-found", "name",
                        "read model '" + name + "' has no running processor"));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(status(processor, position(eventStore.createHeadToken())));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, Long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = segments.stream().map(s -> s.getCurrentPosition()).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
        boolean replaying = processor.isReplaying();
        Double progress = null;
        if (replaying && head != null && head > 0) {
            progress = Math.min(1.0, (position == null ? 0 : position) / (double) head);
        }
        List<String> errors = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).toList();
        return new ProjectionStatus(processor.getName(), processor.isRunning(), replaying,
                !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isError(), position, head, progress, errors);
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
