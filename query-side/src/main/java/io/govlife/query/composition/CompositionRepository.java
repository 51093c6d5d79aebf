package io.govlife.query.composition;

import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import io.govlife.query.support.PerBatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * All SQL of the {@code composition} table. Writes are kept per batch of events: each document the batch touches is
 * read once and written once when the batch commits (in its transaction, with the processor's token), instead of a
 * select, a JSON round trip and an update per event (see BENCHMARKS.md).
 */
@Repository
public class CompositionRepository {

    private static final String BATCH = CompositionRepository.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public CompositionRepository(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- written by the projection, once per batch

    /** A new gov, inserted when the batch commits. */
    void create(String gov, String archetype, String description, long version, GovComposition document,
                Instant at) {
        batch().put(gov, new Pending(true, archetype, description, version, document, at, at));
    }

    /** The gov's document changed by {@code change}; read at its first change in the batch, written at commit. */
    void change(String gov, long version, Instant at, UnaryOperator<GovComposition> change) {
        Map<String, Pending> batch = batch();
        Pending pending = batch.computeIfAbsent(gov, key -> Pending.stored(document(key)
                .orElseThrow(() -> new IllegalStateException("composition of unknown gov " + key))));
        batch.put(gov, pending.changed(version, change.apply(pending.document()), at));
    }

    void deleteAll() {
        jdbc.update("delete from composition");
        events.publishEvent(CompositionChanged.ofAllGovs());
    }

    /** The documents of the current unit of work's batch, by gov, flushed in its prepare-commit phase. */
    private Map<String, Pending> batch() {
        return PerBatch.resource(BATCH, LinkedHashMap::new, this::flush);
    }

    private void flush(Map<String, Pending> batch) {
        batch.forEach((gov, pending) -> {
            if (pending.created()) {
                insert(gov, pending.archetype(), pending.description(), pending.version(), pending.document(),
                        pending.createdAt(), pending.updatedAt());
            } else {
                update(gov, pending.version(), pending.document(), pending.updatedAt());
            }
            // once per gov and batch, as the row is written (a rebuild's batch is a thousand events)
            events.publishEvent(new CompositionChanged(gov));
        });
        batch.clear();
    }

    private void insert(String gov, String archetype, String description, long version, GovComposition document,
                        Instant createdAt, Instant updatedAt) {
        jdbc.update("insert into composition (gov, archetype, description, status, version, revision, fingerprint, "
                        + "draft_fingerprint, document, pending_cutovers, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                gov, archetype, description, document.status(), version, document.revision(),
                fingerprintOf(document), document.draft().fingerprint().hex(), JsonColumns.write(document),
                document.pendingBumps().size(), Timestamp.from(createdAt), Timestamp.from(updatedAt));
    }

    private Optional<GovComposition> document(String gov) {
        return jdbc.query("select document from composition where gov = ?",
                (rs, i) -> JsonColumns.read(rs.getString(1), GovComposition.class), gov).stream().findFirst();
    }

    private void update(String gov, long version, GovComposition document, Instant at) {
        jdbc.update("update composition set status = ?, version = ?, revision = ?, fingerprint = ?, "
                        + "draft_fingerprint = ?, document = ?, pending_cutovers = ?, updated_at = ? where gov = ?",
                document.status(), version, document.revision(), fingerprintOf(document),
                document.draft().fingerprint().hex(), JsonColumns.write(document), document.pendingBumps().size(),
                Timestamp.from(at), gov);
    }

    // ---- read by the controllers, the live stream and the other read models' controllers

    public Optional<GovView> view(String gov) {
        return jdbc.query("select * from composition where gov = ?", CompositionRepository::view, gov)
                .stream().findFirst();
    }

    /**
     * Govs by name, each condition applied only when given: {@code status}, a name containing {@code nameContains},
     * and with {@code pendingCutoversOnly} those with a bump not yet cut over or cancelled (a blocked one included).
     */
    Page<GovSummary> list(String status, String nameContains, boolean pendingCutoversOnly, Paging paging) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            values.add(status);
        }
        if (pendingCutoversOnly) {
            conditions.add("pending_cutovers > 0");
        }
        if (nameContains != null) {
            // names are lower case; the search's own % and _ are literal characters, not wildcards
            conditions.add("gov like ? escape '\\'");
            values.add("%" + nameContains.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Object[] filter = values.toArray();
        Long total = jdbc.queryForObject("select count(*) from composition" + where, Long.class, filter);
        List<GovSummary> items = jdbc.query("select gov, archetype, status, revision, fingerprint, draft_fingerprint, "
                        + "version, document from composition" + where + " order by gov limit " + paging.size()
                        + " offset " + paging.offset(),
                (rs, i) -> new GovSummary(rs.getString("gov"), rs.getString("archetype"), rs.getString("status"),
                        (Long) rs.getObject("revision", Long.class), rs.getString("fingerprint"),
                        rs.getString("draft_fingerprint"), rs.getLong("version"),
                        pendingCutovers(JsonColumns.read(rs.getString("document"), GovComposition.class))), filter);
        return new Page<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    private static List<GovSummary.Cutover> pendingCutovers(GovComposition document) {
        return document.pendingBumps().stream()
                .map(bump -> new GovSummary.Cutover(bump.citizen().value(), bump.cutoverAt(), bump.blocked()))
                .sorted(Comparator.comparing(GovSummary.Cutover::cutoverAt)).toList();
    }

    private static String fingerprintOf(GovComposition document) {
        return document.published() == null ? null : document.published().fingerprint().hex();
    }

    private static GovView view(ResultSet rs, int row) throws SQLException {
        GovComposition doc = JsonColumns.read(rs.getString("document"), GovComposition.class);
        GovView.Published published = doc.published() == null ? null : new GovView.Published(doc.revision(),
                doc.published().fingerprint().hex(), doc.publishedAt(), doc.published());
        return new GovView(rs.getString("gov"), rs.getString("archetype"), rs.getString("description"),
                doc.status(), rs.getLong("version"), published,
                new GovView.Draft(doc.draft().fingerprint().hex(), doc.draft(), doc.heldUpgrades()),
                doc.pendingBumps(), doc.staleConfluences(),
                doc.published() == null ? List.of() : doc.published().services(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                doc.retiredAt());
    }

    /** A document of the batch: {@code created} ones are inserted with their row's columns, the others updated. */
    private record Pending(boolean created, String archetype, String description, long version,
                           GovComposition document, Instant createdAt, Instant updatedAt) {

        static Pending stored(GovComposition document) {
            return new Pending(false, null, null, -1, document, null, null);
        }

        Pending changed(long version, GovComposition document, Instant at) {
            return new Pending(created, archetype, description, version, document, createdAt, at);
        }
    }
}
