package io.govlife.app.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Three of the JDBC event store's queries, written so that the database answers them from an index; Axon's builder
 * takes each in place of its own.
 * <p>
 * <b>Reading the log past a token with gaps.</b> Axon asks {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex
 * IN (gaps)}. Under concurrent writers a tracking token nearly always has gaps (sequence values taken by transactions
 * not yet committed, or rolled back), and H2 cannot seek an index for that {@code OR}: it walked the event table from
 * its first row on every fetch, so each processor's read got slower with every event ever stored (a sixth of the CPU
 * at 16 writers on a log of a few hundred thousand events). Asked as the union of two indexed reads, the gaps (every
 * gap lies below the token) and the window after the token, the answer is the same rows in the same order.
 * <p>
 * <b>The last sequence number of a gov</b> is the top of the (aggregate, sequence) index instead of a {@code MAX},
 * which H2 computes by reading every event of the gov; the aggregate cache asks it on every load.
 * <p>
 * <b>A gov's events from a sequence number on</b>, a batch at a time, are ordered by both columns of that index: H2
 * does not match an order by the sequence number alone to it, and reads and sorts before answering.
 */
final class IndexedEventQueries {

    private IndexedEventQueries() {
    }

    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        PreparedStatement statement = connection.prepareStatement(
                select + schema.globalIndexColumn() + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                        + ") UNION ALL "
                        + select + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ? "
                        + "ORDER BY " + schema.globalIndexColumn() + " ASC");
        int parameter = 1;
        for (Long gap : gaps) {
            statement.setLong(parameter++, gap);
        }
        statement.setLong(parameter++, globalIndex);
        statement.setLong(parameter, globalIndex + batchSize);
        return statement;
    }

    static PreparedStatement lastSequenceNumberFor(Connection connection, EventSchema schema,
                                                   String aggregateIdentifier) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.sequenceNumberColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY "
                + schema.aggregateIdentifierColumn() + " DESC, " + schema.sequenceNumberColumn() + " DESC "
                + "FETCH FIRST 1 ROWS ONLY");
        statement.setString(1, aggregateIdentifier);
        return statement;
    }

    static PreparedStatement readEventDataForAggregate(Connection connection, EventSchema schema, String identifier,
                                                       long firstSequenceNumber, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " >= ? AND " + schema.sequenceNumberColumn() + " < ? ORDER BY "
                + schema.aggregateIdentifierColumn() + " ASC, " + schema.sequenceNumberColumn() + " ASC");
        statement.setString(1, identifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setLong(3, firstSequenceNumber + batchSize);
        return statement;
    }
}
