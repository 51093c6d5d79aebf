package io.govlife.query.processor;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A read model's dead-letter queue that lets pass the events replayed for another read model. All read models share
 * one processor, so a rebuild of one replays the log through all six: a gov parked in a read model not being rebuilt
 * would otherwise collect every replayed event of that gov a second time, though its handlers skip them
 * ({@link ReplayScope}).
 */
record ScopedDeadLetterQueue(String readModel, SequencedDeadLetterQueue<EventMessage<?>> stored)
        implements SequencedDeadLetterQueue<EventMessage<?>> {

    @Override
    public boolean enqueueIfPresent(Object sequence,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        return ReplayScope.concerns(readModel, letter.message()) && stored.enqueueIfPresent(sequence, () -> letter);
    }

    @Override
    public void enqueue(Object sequence, DeadLetter<? extends EventMessage<?>> letter) {
        stored.enqueue(sequence, letter);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        stored.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> update) {
        stored.requeue(letter, update);
    }

    @Override
    public boolean contains(Object sequence) {
        return stored.contains(sequence);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequence) {
        return stored.deadLetterSequence(sequence);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return stored.deadLetters();
    }

    @Override
    public boolean isFull(Object sequence) {
        return stored.isFull(sequence);
    }

    @Override
    public long size() {
        return stored.size();
    }

    @Override
    public long sequenceSize(Object sequence) {
        return stored.sequenceSize(sequence);
    }

    @Override
    public long amountOfSequences() {
        return stored.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return stored.process(sequenceFilter, task);
    }

    @Override
    public void clear() {
        stored.clear();
    }
}
