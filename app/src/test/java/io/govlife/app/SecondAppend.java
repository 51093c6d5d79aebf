package io.govlife.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second event at a sequence number a gov already has is what two writers of one gov produce: the event store must
 * report it as a concurrency conflict (answered 409), not as a failed store (500), on each database.
 */
final class SecondAppend {

    private SecondAppend() {
    }

    /** The gov has at least two events (the first is a creation, which Axon reports as such). */
    static void isAConcurrencyConflict(EventStorageEngine engine, TransactionManager transactions, String gov) {
        DomainEventMessage<?> stored = transactions.fetchInTransaction(() -> engine.readEvents(gov, 1).next());

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> engine.appendEvents(List.of(stored))))
                .isInstanceOf(ConcurrencyException.class);
    }
}
