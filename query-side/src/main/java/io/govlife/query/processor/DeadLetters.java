package io.govlife.query.processor;

import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events each read model parked because its handler failed on them, per gov: what an admin lists, retries once
 * the cause is fixed, or evicts (the read model then never sees them: rebuild it to have them again). Counted for
 * readiness and metrics, which report a degraded read side instead of a stopped one.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;

    DeadLetters(EventProcessingConfiguration processing, TransactionManager transactions, MeterRegistry meters) {
        this.processing = processing;
        this.transactions = transactions;
        ReadModels.NAMES.forEach(readModel -> Gauge.builder("govlife.read.models.dead.letters",
                        () -> queue(readModel).size())
                .description("events a read model parked because its handler failed on them")
                .tag("read_model", readModel).register(meters));
    }

    /** The read models that parked events, with how many; none when the read side is whole. */
    public Map<String, Long> parked() {
        Map<String, Long> parked = new LinkedHashMap<>();
        ReadModels.NAMES.forEach(readModel -> {
            long size = queue(readModel).size();
            if (size > 0) {
                parked.put(readModel, size);
            }
        });
        return parked;
    }

    /** Every parked gov of every read model, its events in the order they will be retried. */
    List<ParkedGov> list() {
        List<ParkedGov> govs = new ArrayList<>();
        for (String readModel : ReadModels.NAMES) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(readModel).deadLetters()) {
                List<ParkedEvent> events = events(sequence);
                if (!events.isEmpty()) {
                    govs.add(new ParkedGov(readModel, events.get(0).gov(), events));
                }
            }
        }
        return govs;
    }

    /** The gov's events the read model has parked, in the order they will be retried; none when it has none. */
    List<ParkedEvent> parked(String readModel, String gov) {
        return events(queue(readModel).deadLetterSequence(gov));
    }

    private static List<ParkedEvent> events(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        List<ParkedEvent> events = new ArrayList<>();
        sequence.forEach(letter -> events.add(ParkedEvent.of(letter)));
        return events;
    }

    /**
     * Hands the gov's parked events to the read model again, in order, in one transaction each; true when all were
     * handled. The first that fails again stays parked, with its new cause, and so do those after it.
     */
    boolean retry(String readModel, String gov) {
        requireParked(readModel, gov);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(readModel)
                .orElseThrow(() -> unknown(readModel));
        return processor.process(letter -> gov.equals(ParkedEvent.govOf(letter.message())));
    }

    /** Drops the gov's parked events: the read model will never have seen them. Answers how many were dropped. */
    int evict(String readModel, String gov) {
        requireParked(readModel, gov);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(readModel);
        return transactions.fetchInTransaction(() -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(gov).forEach(letters::add);
            letters.forEach(queue::evict);
            return letters.size();
        });
    }

    /** A rebuild starts the read models over from the log: what they parked before is replayed with the rest. */
    void clear(Collection<String> readModels) {
        readModels.forEach(readModel -> transactions.executeInTransaction(queue(readModel)::clear));
    }

    private void requireParked(String readModel, String gov) {
        if (!queue(readModel).contains(gov)) {
            throw new RuleViolation(Rule.DEAD_LETTER_NOT_FOUND, "gov",
                    "read model '" + readModel + "' has no events of gov '" + gov + "' parked");
        }
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String readModel) {
        return processing.deadLetterQueue(readModel).orElseThrow(() -> unknown(readModel));
    }

    private static RuleViolation unknown(String readModel) {
        return new RuleViolation(Rule.PROJECTION_NOT_FOUND, "readModel",
                "no read model named '" + readModel + "'; read models are " + ReadModels.NAMES);
    }

    /** A gov whose events a read model parked. */
    record ParkedGov(String readModel, String gov, List<ParkedEvent> events) {
    }

    /** One parked event and why: the cause is the handler's exception, its message cut at 1,024 characters. */
    record ParkedEvent(String gov, long sequenceNumber, String type, String eventId, Instant at, Instant parkedAt,
                       Instant lastTried, String causeType, String causeMessage) {

        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            return new ParkedEvent(govOf(event),
                    event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1,
                    event.getPayloadType().getSimpleName(), event.getIdentifier(), event.getTimestamp(),
                    letter.enqueuedAt(), letter.lastTouched(),
                    letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null));
        }

        /** The read models process a gov's events in order: a gov is what a parked sequence is (Axon's default). */
        static String govOf(EventMessage<?> event) {
            return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                    : event.getIdentifier();
        }
    }
}
