package io.govlife.app.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.Objects;

/**
 * Axon's caching repository, trusting a cached aggregate only while the log agrees it is current.
 * <p>
 * Loading a gov from the log (its snapshot, then up to a snapshot interval of events, each deserialised and
 * applied) was the largest cost of a command after the commit itself. A cached gov skips that. But another node
 * sharing the database may have written the gov since this node cached it: trusting the entry would then decide on
 * a stale state, and although the append's unique (gov, sequence) key still refuses the event, the operator would get
 * a 409 for a conflict that never was (or no 412 for an {@code If-Match} that is stale). So every load from the cache
 * first asks the log for the gov's last sequence number (one index lookup) and falls back to the log when it moved.
 * <p>
 * An {@code If-Match} that is not the gov's version is refused as soon as the gov is loaded, before its command
 * handler runs. Axon's event-sourcing repository would only check it when the unit of work commits, so a handler
 * that refused by a rule answered first (a stale publication got 409 {@code draft-unchanged}, not 412); and it
 * lets a version from the future through. No handler of the gov resolves conflicts, so nothing relies on the later
 * check.
 */
public final class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    public CheckedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && !isCurrent(aggregate, aggregateIdentifier)) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(aggregate.version())) {
            throw new ConflictingAggregateVersionException(aggregate.identifierAsString(), expectedVersion,
                    aggregate.version() == null ? -1 : aggregate.version());
        }
    }

    private boolean isCurrent(EventSourcedAggregate<T> aggregate, String aggregateIdentifier) {
        return Objects.equals(aggregate.version(), eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null));
    }
}
