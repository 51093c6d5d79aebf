package io.govlife.query.processor;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rebuilds read models from the log, once for the cluster: with no node running the read models' processor
 * ({@link ProcessorControl}), reset its tokens naming the read models to rebuild (those asked for, and any whose
 * rebuild was still under way: a reset starts every replay over), so that their {@code @ResetHandler}s empty their
 * tables and only they see the replayed events ({@link ReplayScope}); then every node runs it again and follows. What
 * the rebuilt read models had parked is dropped: the replay hands them those events again, and parks them again if
 * they still fail. Only read models: sagas act on the world and are never replayed.
 */
@Component
record Rebuilds(ProcessorControl control, TokenStore tokenStore, TransactionManager transactions,
                DeadLetters deadLetters) {

    /** Rebuilds {@code readModels}; answers how many segments the processor has. */
    int rebuild(StreamingEventProcessor processor, List<String> readModels, String by) {
        Map<Integer, TrackingToken> live = new HashMap<>();
        processor.processingStatus().forEach((segment, status) -> live.put(segment, ReplayScope.tokenOf(status)));
        return control.whileNoNodeRuns("rebuild of " + readModels + " by " + by, () -> {
            int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(ReadModels.PROCESSOR));
            List<String> rebuild = new ArrayList<>(rebuildingNow(segments, live));
            rebuild.addAll(readModels);
            deadLetters.clear(rebuild);
            processor.resetTokens(ReplayScope.context(rebuild));
            // the reset claimed every segment in this node's name: let go, so that each node claims its share
            transactions.executeInTransaction(() -> Arrays.stream(segments)
                    .forEach(segment -> tokenStore.releaseClaim(ReadModels.PROCESSOR, segment)));
            return segments.length;
        });
    }

    /**
     * The read models whose rebuild is under way: per segment, as this node was processing it, or else as stored. A
     * stored token alone is not enough: a segment whose last event came before a replay's end is stored as replaying
     * for seconds after it finished (Axon stores it lazily), and the next rebuild would start that one over too.
     */
    private Set<String> rebuildingNow(int[] segments, Map<Integer, TrackingToken> live) {
        return transactions.fetchInTransaction(() -> {
            Set<String> rebuilding = Arrays.stream(segments)
                    .mapToObj(segment -> live.containsKey(segment) ? live.get(segment)
                            : tokenStore.fetchToken(ReadModels.PROCESSOR, segment))
                    .flatMap(token -> ReplayScope.stillRebuilding(token).stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            Arrays.stream(segments).filter(segment -> !live.containsKey(segment))
                    .forEach(segment -> tokenStore.releaseClaim(ReadModels.PROCESSOR, segment));
            return rebuilding;
        });
    }
}
