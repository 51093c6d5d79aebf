package io.govlife.query.composition;

import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code composition} table. */
@Repository
public class CompositionRepository {

    private final JdbcTemplate jdbc;

    public CompositionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String gov, String archetype, String description, long version, GovComposition document,
                Instant createdAt, Instant updatedAt) {
        jdbc.update("insert into composition (gov, archetype, description, status, version, revision, fingerprint, "
                        + "draft_fingerprint, document, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                gov, archetype, description, document.status(), version, document.revision(),
                fingerprintOf(document), document.draft().fingerprint().hex(), JsonColumns.write(document),
                Timestamp.from(createdAt), Timestamp.from(updatedAt));
    }

    Optional<GovComposition> document(String gov) {
        return jdbc.query("select document from composition where gov = ?",
                (rs, i) -> JsonColumns.read(rs.getString(1), GovComposition.class), gov).stream().findFirst();
    }

    void update(String gov, long version, GovComposition document, Instant at) {
        jdbc.update("update composition set status = ?, version = ?, revision = ?, fingerprint = ?, "
                        + "draft_fingerprint = ?, document = ?, updated_at = ? where gov = ?",
                document.status(), version, document.revision(), fingerprintOf(document),
                document.draft().fingerprint().hex(), JsonColumns.write(document), Timestamp.from(at), gov);
    }

    public Optional<GovView> view(String gov) {
        return jdbc.query("select * from composition where gov = ?", CompositionRepository::view, gov)
                .stream().findFirst();
    }

    public Page<GovSummary> list(String status, Paging paging) {
        String where = status == null ? "" : " where status = ?";
        Object[] filter = status == null ? new Object[0] : new Object[]{status};
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
                .sorted(java.util.Comparator.comparing(GovSummary.Cutover::cutoverAt)).toList();
    }

    void deleteAll() {
        jdbc.update("delete from composition");
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
}
