package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the read models' processor as the cluster was asked to, on every node: the wanted state (running or paused)
 * is one row of {@code read_model_control}, which each node reads at every heartbeat and applies once per change,
 * stopping its processor (its segments released for another node to claim, or for nobody while paused) or starting
 * it. An operation that needs every segment free — a rebuild, a split or a merge — pauses the cluster, waits until no
 * node holds a segment, runs on the node that was asked, and lets the cluster run again.
 */
@Component
public class ProcessorControl {

    private static final Logger log = LoggerFactory.getLogger(ProcessorControl.class);

    /** Long enough for every node to see the pause and let go (a crashed node's claims run out in 10 s). */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final ProcessorRows rows;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Duration releaseWait;
    private long applied = -1;
    private volatile boolean paused;

    @Autowired
    ProcessorControl(EventProcessingConfiguration processing, ProcessorRows rows, TokenStore tokens,
                     TransactionManager transactions) {
        this(processing, rows, tokens, transactions, RELEASE_WAIT);
    }

    ProcessorControl(EventProcessingConfiguration processing, ProcessorRows rows, TokenStore tokens,
                     TransactionManager transactions, Duration releaseWait) {
        this.processing = processing;
        this.rows = rows;
        this.tokens = tokens;
        this.transactions = transactions;
        this.releaseWait = releaseWait;
    }

    /** Whether the cluster was asked to pause the read models: their processor is stopped on purpose. */
    public boolean paused() {
        return paused;
    }

    /** Whether {@code processor} is the read models' processor and paused on purpose, for the cluster. */
    public boolean pausedOnPurpose(String processor) {
        return paused && ReadModels.PROCESSOR.equals(processor);
    }

    /** Follows the wanted state: a change made on another node reaches this one within a heartbeat. */
    @Scheduled(fixedDelayString = "${govlife.node.heartbeat:PT5S}")
    public synchronized void follow() {
        rows.wanted().filter(wanted -> wanted.generation() != applied)
                .ifPresent(wanted -> apply(wanted.paused(), wanted.generation()));
    }

    /** Pauses the read models on every node; their tables keep what they have and fall behind until resumed. */
    public synchronized void pause(String by) {
        apply(true, rows.want(true, by));
    }

    /** Lets every node run the read models again, each from where its segments stopped. */
    public synchronized void resume(String by) {
        apply(false, rows.want(false, by));
    }

    /**
     * Runs {@code operation} on this node while no node holds a segment of the read models' processor, and
     * afterwards lets the cluster run again (unless it was paused before). Refused with 409 {@code processor-busy}
     * when a node still holds one after {@link #RELEASE_WAIT}: the operation did not run.
     */
    synchronized <T> T whileNoNodeRuns(String what, Supplier<T> operation) {
        boolean wasPaused = paused;
        pause(what);
        try {
            awaitReleased();
            return operation.get();
        } finally {
            if (!wasPaused) {
                resume(what);
            }
        }
    }

    private void awaitReleased() {
        long giveUp = System.nanoTime() + releaseWait.toNanos();
        while (rows.claimedSegments() > 0) {
            if (System.nanoTime() > giveUp) {
                throw new RuleViolation(Rule.PROCESSOR_BUSY, "segments", rows.claimedSegments() + " segment(s) of "
                        + ReadModels.PROCESSOR + " still held by another node after " + releaseWait.toSeconds()
                        + " s; nothing was changed");
            }
            try {
                Thread.sleep(50); // other nodes let go at their next heartbeat: there is no signal to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models' segments", e);
            }
        }
    }

    /**
     * Stores how far each segment got, where the processor stored less: it stores a segment's token lazily when the
     * events it passes are not the segment's, so a paused segment would otherwise stand where it last handled one of
     * its own — and a rebuild or a merge must see where each segment really stands. Never moves a token back.
     */
    private void storeReached(Map<Integer, TrackingToken> reached) {
        try {
            transactions.executeInTransaction(() -> reached.forEach((segment, token) -> {
                TrackingToken stored = tokens.fetchToken(ReadModels.PROCESSOR, segment);
                if (token != null && !token.equals(stored) && (stored == null
                        || WrappedToken.unwrapLowerBound(token).covers(WrappedToken.unwrapLowerBound(stored)))) {
                    tokens.storeToken(token, ReadModels.PROCESSOR, segment);
                }
                tokens.releaseClaim(ReadModels.PROCESSOR, segment);
            }));
        } catch (RuntimeException e) {
            // the tokens stay as the processor stored them: behind, never ahead, so nothing is skipped
            log.warn("Could not store how far the segments of {} got before the pause", ReadModels.PROCESSOR, e);
        }
    }

    private void apply(boolean pause, long generation) {
        paused = pause;
        applied = generation;
        processing.eventProcessor(ReadModels.PROCESSOR, StreamingEventProcessor.class).ifPresent(processor -> {
            if (pause && processor.isRunning()) {
                log.info("Pausing {} on this node (generation {})", ReadModels.PROCESSOR, generation);
                Map<Integer, TrackingToken> reached = new HashMap<>();
                processor.processingStatus().forEach((segment, status) ->
                        reached.put(segment, ReplayScope.tokenOf(status)));
                processor.shutDown();
                storeReached(reached);
            } else if (!pause && !processor.isRunning()) {
                log.info("Running {} on this node again (generation {})", ReadModels.PROCESSOR, generation);
                processor.start();
            }
        });
    }
}
