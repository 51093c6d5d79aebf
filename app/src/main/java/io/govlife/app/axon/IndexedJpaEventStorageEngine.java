package io.govlife.app.axon;

import jakarta.persistence.TypedQuery;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Axon's JPA event store with two of its queries written so that the database can answer them from an index.
 * <p>
 * <b>Reading the log past a token with gaps.</b> Axon asks {@code globalIndex > :token OR globalIndex IN :gaps
 * ORDER BY globalIndex}. Under concurrent writers a tracking token nearly always has gaps (sequence values taken by
 * transactions not yet committed, or rolled back), and H2 cannot seek an index for that {@code OR}: it walked the
 * event table from its first row on every fetch, so each processor's read got slower with every event ever stored
 * (a sixth of the CPU at 16 writers on a log of a few hundred thousand events). Asked as two indexed queries, the
 * gaps first (every gap lies below the token) and then what follows the token, the answer is the same rows in the
 * same order.
 * <p>
 * <b>The last sequence number of a gov</b> is asked for as the top of the (aggregate, sequence) index instead of a
 * {@code MAX}, which H2 computes by reading every event of the gov (100,000 index entries for a gov with 100,000
 * events); the aggregate cache asks it on every load.
 * <p>
 * <b>A gov's events from a sequence number on</b>, a batch at a time, are ordered by both columns of that index.
 * Axon orders them by sequence number alone, which H2 does not match to the index: it read and sorted every
 * remaining event of the gov to return each batch of 100, so loading a gov without a snapshot took time growing
 * with the square of its history (the benchmark's 100,000-event gov: 3 min 16 s for one command; 844 ms in this
 * order).
 */
class IndexedJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    private final TransactionManager transactionManager;

    /** The transaction manager is the builder's own; Axon keeps its copy private. */
    public IndexedJpaEventStorageEngine(Builder builder, TransactionManager transactionManager) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        List<Object[]> rows = new ArrayList<>(query("e.globalIndex IN :gaps")
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        if (rows.size() < batchSize()) {
            rows.addAll(query("e.globalIndex > :token")
                    .setParameter("token", token.getIndex())
                    .setMaxResults(batchSize() - rows.size())
                    .getResultList());
        }
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return transactionManager.fetchInTransaction(() -> entityManager().createQuery(
                        "SELECT new org.axonframework.eventhandling.GenericDomainEventEntry(e.type, "
                                + "e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier, e.timeStamp, "
                                + "e.payloadType, e.payloadRevision, e.payload, e.metaData) FROM "
                                + domainEventEntryEntityName() + " e WHERE e.aggregateIdentifier = :id "
                                + "AND e.sequenceNumber >= :seq "
                                + "ORDER BY e.aggregateIdentifier ASC, e.sequenceNumber ASC") // as the index is
                .setParameter("id", aggregateIdentifier)
                .setParameter("seq", firstSequenceNumber)
                .setMaxResults(batchSize)
                .getResultList());
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return entityManager().createQuery("SELECT e.sequenceNumber FROM " + domainEventEntryEntityName()
                        + " e WHERE e.aggregateIdentifier = :id "
                        // both columns of the unique index, or H2 reads every event of the gov to sort them
                        + "ORDER BY e.aggregateIdentifier DESC, e.sequenceNumber DESC", Long.class)
                .setParameter("id", aggregateIdentifier)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private TypedQuery<Object[]> query(String condition) {
        return entityManager().createQuery(COLUMNS + domainEventEntryEntityName() + " e WHERE " + condition
                + " ORDER BY e.globalIndex ASC", Object[].class);
    }
}
