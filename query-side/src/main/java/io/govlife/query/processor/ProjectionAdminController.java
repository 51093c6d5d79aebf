package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
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
import java.security.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The read models' processor as an admin runs it, for the whole cluster whichever node is asked: its status per read
 * model, a rebuild of one or all from the log ({@link Rebuilds}), and a pause and resume on every node
 * ({@link ProcessorControl}).
 */
@RestController
@RequestMapping("/api/admin/projections")
record ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore, ProcessorRows rows,
                                 ProcessorControl control, Rebuilds rebuilds) {

    private static final Duration CLAIM_WAIT = Duration.ofSeconds(5);

    @GetMapping
    List<ProjectionStatus> projections() {
        Long head = position(eventStore.createHeadToken());
        int unclaimed = rows.unclaimedSegments();
        return processor().map(processor -> {
            Set<String> rebuilding = rebuilding(processor);
            return ReadModels.NAMES.stream()
                    .map(name -> status(name, processor, rebuilding, head, unclaimed)).toList();
        }).orElse(List.of());
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name, Principal admin) {
        if (!ReadModels.NAMES.contains(name)) {
            throw new RuleViolation(Rule.PROJECTION_NOT_FOUND, "name",
                    "no read model named '" + name + "'; read models are " + ReadModels.NAMES);
        }
        StreamingEventProcessor processor = rebuilt(List.of(name), admin);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(status(name, processor, rebuilding(processor), position(eventStore.createHeadToken()),
                        rows.unclaimedSegments()));
    }

    /** Rebuilds every read model. */
    @PostMapping("/replay")
    ResponseEntity<List<ProjectionStatus>> replayAll(Principal admin) {
        rebuilt(ReadModels.NAMES, admin);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(projections());
    }

    /** Stops the read models on every node (reads go on answering, from tables that no longer follow the log). */
    @PostMapping("/pause")
    List<ProjectionStatus> pause(Principal admin) {
        control.pause(admin.getName());
        return projections();
    }

    @PostMapping("/resume")
    List<ProjectionStatus> resume(Principal admin) {
        control.resume(admin.getName());
        processor().ifPresent(this::awaitSegmentsClaimed);
        return projections();
    }

    private StreamingEventProcessor rebuilt(List<String> names, Principal admin) {
        StreamingEventProcessor processor = processor().orElseThrow(() -> new RuleViolation(
                Rule.PROJECTION_NOT_FOUND, "name", "the read models have no processor on this node"));
        rebuilds.rebuild(processor, names, admin.getName());
        if (!control.paused()) {
            awaitSegmentsClaimed(processor);
        }
        return processor;
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(ReadModels.PROCESSOR, StreamingEventProcessor.class);
    }

    /**
     * Answers once the restarted processor works segments again and no segment is left unclaimed (within
     * milliseconds alone, within a heartbeat with other nodes), at most a few seconds: until then a segment still
     * replaying would not be seen, and its read models would read as rebuilt while they are not.
     */
    private void awaitSegmentsClaimed(StreamingEventProcessor processor) {
        long giveUp = System.nanoTime() + CLAIM_WAIT.toNanos();
        while ((processor.processingStatus().isEmpty() || rows.unclaimedSegments() > 0)
                && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(10); // the processor offers no signal for a claimed segment
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The read models whose rebuild is under way in any segment this node is processing. */
    private static Set<String> rebuilding(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .flatMap(segment -> ReplayScope.stillRebuilding(ReplayScope.tokenOf(segment)).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, Set<String> rebuilding, Long head,
                                    int unclaimed) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        // a segment that has not read anything yet has no position: the read model is not there until it has (its
        // events may be the very ones the others passed over), so the lowest of all, or none
        boolean unread = segments.stream().anyMatch(s -> s.getCurrentPosition().isEmpty());
        Long position = unread ? null : segments.stream().map(s -> s.getCurrentPosition().getAsLong())
                .min(Long::compare).orElse(null);
        boolean replaying = rebuilding.contains(name);
        Double progress = null;
        if (replaying && head != null && head > 0) {
            progress = Math.min(1.0, (position == null ? 0 : position) / (double) head);
        }
        List<String> errors = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).toList();
        return new ProjectionStatus(name, processor.isRunning(), control.paused(), replaying,
                !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isError(), position, head, progress, errors, unclaimed);
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
