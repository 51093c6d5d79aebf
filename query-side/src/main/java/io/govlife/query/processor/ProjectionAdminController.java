package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rebuilds a read model from the log: stop the read models' processor, reset its tokens naming the read models to
 * rebuild (the one asked for, and any whose rebuild was still under way: a reset starts every replay over), so that
 * their {@code @ResetHandler}s empty their tables and only they see the replayed events ({@link ReplayScope}); start
 * it again. What the rebuilt read models had parked is dropped: the replay hands them those events again, and parks
 * them again if they still fail. Only read models: sagas act on the world and are never replayed.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private static final Duration CLAIM_WAIT = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProcessorClaims claims;
    private final DeadLetters deadLetters;

    ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactionManager, ProcessorClaims claims,
                              DeadLetters deadLetters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.claims = claims;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        Long head = position(eventStore.createHeadToken());
        int unclaimed = claims.unclaimedSegments();
        return processor().map(processor -> ReadModels.NAMES.stream()
                .map(name -> status(name, processor, head, unclaimed)).toList()).orElse(List.of());
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        if (!ReadModels.NAMES.contains(name)) {
            throw new RuleViolation(Rule.PROJECTION_NOT_FOUND, "name",
                    "no read model named '" + name + "'; read models are " + ReadModels.NAMES);
        }
        StreamingEventProcessor processor = processor().orElseThrow(() -> new RuleViolation(
                Rule.PROJECTION_NOT_FOUND, "name", "read model '" + name + "' has no running processor"));
        Map<Integer, TrackingToken> live = new HashMap<>();
        processor.processingStatus().forEach((segment, status) -> live.put(segment, ReplayScope.tokenOf(status)));
        processor.shutDown();
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(ReadModels.PROCESSOR));
        List<String> rebuild = new ArrayList<>(rebuildingNow(segments, live));
        rebuild.add(name);
        deadLetters.clear(rebuild);
        processor.resetTokens(ReplayScope.context(rebuild));
        processor.start();
        awaitSegmentsClaimed(processor, segments.length);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(status(name, processor, position(eventStore.createHeadToken()), claims.unclaimedSegments()));
    }

    private Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(ReadModels.PROCESSOR, StreamingEventProcessor.class);
    }

    /**
     * The read models whose rebuild is under way: per segment, as this node was processing it, or else as stored. A
     * stored token alone is not enough: a segment whose last event came before a replay's end is stored as replaying
     * for seconds after it finished (Axon stores it lazily), and the next rebuild would start that one over too. Nor
     * is the status alone: it is empty until the processor has claimed its segments again, so a second rebuild asked
     * for right after a first would forget the first.
     */
    private Set<String> rebuildingNow(int[] segments, Map<Integer, TrackingToken> live) {
        return transactionManager.fetchInTransaction(() -> Arrays.stream(segments)
                .mapToObj(segment -> live.containsKey(segment) ? live.get(segment)
                        : tokenStore.fetchToken(ReadModels.PROCESSOR, segment))
                .flatMap(token -> ReplayScope.stillRebuilding(token).stream())
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Answers once the restarted processor shows every segment again (it claims them within milliseconds), at most
     * a few seconds: until then its status lists only some, and a segment still replaying would not be seen, so the
     * read models would read as rebuilt while they are not.
     */
    private void awaitSegmentsClaimed(StreamingEventProcessor processor, int segments) {
        long giveUp = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.processingStatus().size() < segments && System.nanoTime() < giveUp) {
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

    private static ProjectionStatus status(String name, StreamingEventProcessor processor, Long head, int unclaimed) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        // a segment that has not read anything yet has no position: the read model is not there until it has (its
        // events may be the very ones the others passed over), so the lowest of all, or none
        boolean unread = segments.stream().anyMatch(s -> s.getCurrentPosition().isEmpty());
        Long position = unread ? null : segments.stream().map(s -> s.getCurrentPosition().getAsLong())
                .min(Long::compare).orElse(null);
        boolean replaying = rebuilding(processor).contains(name);
        Double progress = null;
        if (replaying && head != null && head > 0) {
            progress = Math.min(1.0, (position == null ? 0 : position) / (double) head);
        }
        List<String> errors = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).toList();
        return new ProjectionStatus(name, processor.isRunning(), replaying,
                !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                processor.isError(), position, head, progress, errors, unclaimed);
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
