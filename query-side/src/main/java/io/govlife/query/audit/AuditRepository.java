package io.govlife.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import io.govlife.query.support.PerBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All SQL of the {@code audit_entry} table. Rows go in as one JDBC batch when the processor's batch of events
 * commits, not a statement per event (see BENCHMARKS.md).
 */
@Repository
class AuditRepository {

    private static final Logger log = LoggerFactory.getLogger(AuditRepository.class);

    private static final String ROWS = AuditRepository.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final AuditSigningKey key;

    AuditRepository(JdbcTemplate jdbc, AuditSigningKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** One event as written: {@code payload} is the event as JSON. */
    record Row(String gov, long sequence, String type, Instant occurredAt, String operator, String reason,
               String correlationId, String causationId, String citizen, String summary, String payload) {
    }

    // ---- written by the projection, once per batch

    /** Inserted with the other rows of the current batch when it commits. */
    void add(Row row) {
        PerBatch.resource(ROWS, ArrayList<Object[]>::new, this::insert).add(new Object[] {
                row.gov(), row.sequence(), row.type(), Timestamp.from(row.occurredAt()), row.operator(),
                row.reason(), row.correlationId(), row.causationId(), row.citizen(), row.summary(), row.payload()});
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into audit_entry (gov, sequence_number, event_type, occurred_at, operator, reason, "
                + "correlation_id, causation_id, citizen, summary, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    void deleteAll() {
        jdbc.update("delete from audit_entry");
    }

    // ---- the seals: each event's audit line hash as first seen, kept through every rebuild

    private static final String SEALS = AuditRepository.class.getName() + ".seals";

    /**
     * Seals an event's audit line when the batch commits, chained to its gov's previous line. An event whose
     * predecessor was never sealed (appended before sealing began), or whose predecessor's stored hash no longer
     * matches its seal, is left unsealed: its line cannot be known without trusting the log or the table as they now
     * are. A seal already there is kept, and the next line chains to it as first seen: a rebuild recomputes rows from
     * the log as it now is, the seals are what they were (and a rebuild, finding every event sealed, renders and
     * hashes none of them).
     */
    void seal(DomainEventMessage<?> event) {
        PerBatch.resource(SEALS, LinkedHashMap<String, List<DomainEventMessage<?>>>::new, this::insertSeals)
                .computeIfAbsent(event.getAggregateIdentifier(), gov -> new ArrayList<>()).add(event);
    }

    /** One look-up of each gov's seals, from the line before its first event of the batch to its last. */
    private void insertSeals(Map<String, List<DomainEventMessage<?>>> batch) {
        List<Object[]> rows = new ArrayList<>();
        batch.forEach((gov, events) -> {
            events.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber));
            long first = events.get(0).getSequenceNumber();
            Map<Long, Seal> stored = stored(gov, first - 1, events.get(events.size() - 1).getSequenceNumber());
            Map<Long, String> lines = new HashMap<>();
            lines.put(-1L, AuditChain.GENESIS);
            for (DomainEventMessage<?> event : events) {
                long sequence = event.getSequenceNumber();
                if (stored.containsKey(sequence)) {
                    continue;
                }
                String previous = lines.containsKey(sequence - 1) ? lines.get(sequence - 1)
                        : trusted(stored.get(sequence - 1));
                if (previous == null) {
                    continue;
                }
                String hash = lineHash(event, previous);
                if (hash != null) {
                    lines.put(sequence, hash);
                    rows.add(new Object[] {gov, sequence, hash, key.seal(hash), gov, sequence});
                }
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        // a seal committed since the look-up is kept (one committed concurrently fails this batch on the key instead,
        // and its retry finds it)
        jdbc.batchUpdate("insert into audit_seal (gov, sequence_number, line_hash, seal) select ?, ?, ?, ? where not exists "
                + "(select 1 from audit_seal where gov = ? and sequence_number = ?)", rows);
    }

    /** A stored line hash the next line may chain to: only while its seal still vouches for it. */
    private String trusted(Seal seal) {
        return seal != null && key.seal(seal.lineHash()).equals(seal.seal()) ? seal.lineHash() : null;
    }

    /**
     * The line's hash, or null (the line left unsealed, and the gov's lines after it in this batch) when it cannot be
     * rendered: here, at commit, a failure would stop every read model of the batch, not park one event.
     */
    private static String lineHash(DomainEventMessage<?> event, String previous) {
        try {
            return AuditChain.hash(AuditLines.line(event, previous));
        } catch (RuntimeException unrenderable) {
            log.warn("audit line of {} #{} left unsealed: {}", event.getAggregateIdentifier(),
                    event.getSequenceNumber(), unrenderable.toString());
            return null;
        }
    }

    private record Seal(String lineHash, String seal) {
    }

    private Map<Long, Seal> stored(String gov, long from, long to) {
        Map<Long, Seal> stored = new HashMap<>();
        jdbc.query("select sequence_number, line_hash, seal from audit_seal where gov = ? and sequence_number between ? "
                + "and ?", rs -> {
                    stored.put(rs.getLong(1), new Seal(rs.getString(2), rs.getString(3)));
                }, gov, from, to);
        return stored;
    }

    /** The gov's seals (line hashes under the audit key) by sequence number. */
    Map<Long, String> seals(String gov) {
        Map<Long, String> seals = new HashMap<>();
        jdbc.query("select sequence_number, seal from audit_seal where gov = ?",
                rs -> {
                    seals.put(rs.getLong(1), rs.getString(2));
                }, gov);
        return seals;
    }

    // ---- read by the controller

    /**
     * The gov's entries oldest first, of the type and citizen when given, occurred in [{@code from}, {@code to}).
     * The total and the page are separate statements, and the projection's batches commit between them: the page
     * reads only up to the newest line the total counted, so that both count the same lines. That bound holds because
     * a gov's lines commit in sequence order (one aggregate, one segment, its failures parked in order), so any line
     * committed after the count comes after every line it counted.
     */
    Page<AuditEntry> history(String gov, String type, String citizen, Instant from, Instant to, Paging paging) {
        StringBuilder where = new StringBuilder(" where gov = ?");
        List<Object> args = new ArrayList<>(List.of(gov));
        if (type != null) {
            where.append(" and event_type = ?");
            args.add(type);
        }
        if (citizen != null) {
            where.append(" and citizen = ?");
            args.add(citizen);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(to));
        }
        long[] counted = jdbc.queryForObject("select count(*), max(sequence_number) from audit_entry" + where,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
        long total = counted[0];
        if (total == 0) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        where.append(" and sequence_number <= ?");
        args.add(counted[1]);
        List<AuditEntry> items = jdbc.query("select * from audit_entry" + where + " order by sequence_number limit "
                        + paging.size() + " offset " + paging.offset(),
                (rs, i) -> new AuditEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("operator"), rs.getString("reason"),
                        rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("citizen"),
                        rs.getString("summary"), readTree(rs.getString("payload"))),
                args.toArray());
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private static JsonNode readTree(String json) {
        try {
            return JsonColumns.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit payload", e);
        }
    }
}
