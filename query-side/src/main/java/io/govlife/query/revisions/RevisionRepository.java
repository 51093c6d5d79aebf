package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfig;
import io.govlife.query.support.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code gov_revision} table: insert-only. */
@Repository
class RevisionRepository {

    private static final String COLUMNS = "gov, revision, fingerprint, previous_fingerprint, config, published_at, "
            + "published_by, notes, cutover_of, metadata_only";

    private final JdbcTemplate jdbc;

    RevisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Revision r) {
        jdbc.update("insert into gov_revision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.gov(), r.revision(), r.fingerprint(), r.previousFingerprint(), JsonColumns.write(r.config()),
                Timestamp.from(r.publishedAt()), r.publishedBy(), r.notes(), r.cutoverOf(), r.metadataOnly());
    }

    /** Every GovConfig revision any gov has published. */
    long publications() {
        Long count = jdbc.queryForObject("select count(*) from gov_revision", Long.class);
        return count == null ? 0 : count;
    }

    Optional<Revision> latest(String gov) {
        return first("select " + COLUMNS + " from gov_revision where gov = ? order by revision desc limit 1", gov);
    }

    Optional<Revision> number(String gov, long revision) {
        return first("select " + COLUMNS + " from gov_revision where gov = ? and revision = ?", gov, revision);
    }

    /** The revision in force at {@code instant}: the last one published at or before it. */
    Optional<Revision> asOf(String gov, Instant instant) {
        return first("select " + COLUMNS + " from gov_revision where gov = ? and published_at <= ? "
                + "order by revision desc limit 1", gov, Timestamp.from(instant));
    }

    List<Revision> all(String gov) {
        return jdbc.query("select " + COLUMNS + " from gov_revision where gov = ? order by revision",
                RevisionRepository::map, gov);
    }

    void deleteAll() {
        jdbc.update("delete from gov_revision");
    }

    private Optional<Revision> first(String sql, Object... args) {
        return jdbc.query(sql, RevisionRepository::map, args).stream().findFirst();
    }

    private static Revision map(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getString("gov"), rs.getLong("revision"), rs.getString("fingerprint"),
                rs.getString("previous_fingerprint"), JsonColumns.read(rs.getString("config"), GovConfig.class),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getString("notes"),
                rs.getString("cutover_of"), rs.getBoolean("metadata_only"));
    }
}
