package io.govlife.query.fingerprints;

import io.govlife.events.gov.GovConfig;
import io.govlife.query.fingerprints.FingerprintLookup.Change;
import io.govlife.query.support.JsonColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All SQL of the fingerprint lookup: its runs, the changes per revision, and each gov's last revision. */
@Repository
class FingerprintRepository {

    /** One run of consecutive revisions of a gov in which the fingerprint stood for the same thing. */
    record Run(String fingerprint, String gov, FingerprintLookup.Kind kind, String member, long firstRevision,
               long lastRevision) {
    }

    /** A gov as the lookup knows it: its last revision, that revision's config, and its retirement. */
    record Gov(String name, long revision, GovConfig config, Instant retiredAt) {
    }

    private final JdbcTemplate jdbc;

    FingerprintRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    Optional<Gov> gov(String gov) {
        return jdbc.query("select gov, revision, config, retired_at from fingerprint_gov where gov = ?",
                (rs, i) -> new Gov(rs.getString("gov"), rs.getLong("revision"),
                        JsonColumns.read(rs.getString("config"), GovConfig.class),
                        instant(rs.getTimestamp("retired_at"))), gov).stream().findFirst();
    }

    void saveGov(String gov, long revision, GovConfig config) {
        String json = JsonColumns.write(config);
        if (jdbc.update("update fingerprint_gov set revision = ?, config = ? where gov = ?", revision, json, gov) == 0) {
            jdbc.update("insert into fingerprint_gov (gov, revision, config) values (?, ?, ?)", gov, revision, json);
        }
    }

    void retire(String gov, Instant at) {
        jdbc.update("update fingerprint_gov set retired_at = ? where gov = ?", Timestamp.from(at), gov);
    }

    /** The run continues when the previous revision carried the same fingerprint for the same member. */
    void carried(String fingerprint, String gov, FingerprintLookup.Kind kind, String member, long revision) {
        int extended = jdbc.update("update fingerprint_run set last_revision = ? where fingerprint = ? and gov = ? "
                + "and kind = ? and member = ? and last_revision = ?", revision, fingerprint, gov, kind.name(),
                member, revision - 1);
        if (extended == 0) {
            jdbc.update("insert into fingerprint_run (fingerprint, gov, kind, member, first_revision, last_revision) "
                    + "values (?, ?, ?, ?, ?, ?)", fingerprint, gov, kind.name(), member, revision, revision);
        }
    }

    void change(String gov, Change change) {
        jdbc.update("insert into fingerprint_change (gov, revision, fingerprint, published_at, what, reason, "
                        + "cutover_of, metadata_only) values (?, ?, ?, ?, ?, ?, ?, ?)", gov, change.revision(),
                change.fingerprint(), Timestamp.from(change.publishedAt()), change.what(), change.reason(),
                change.cutoverOf(), change.metadataOnly());
    }

    void deleteAll() {
        jdbc.update("delete from fingerprint_run");
        jdbc.update("delete from fingerprint_change");
        jdbc.update("delete from fingerprint_gov");
    }

    // ---- read by the controller: each an indexed read (primary keys), however long a gov's history

    List<Run> runs(String fingerprint) {
        return jdbc.query("select fingerprint, gov, kind, member, first_revision, last_revision from fingerprint_run "
                + "where fingerprint = ? order by gov, kind, member, first_revision", (rs, i) -> new Run(
                rs.getString("fingerprint"), rs.getString("gov"), FingerprintLookup.Kind.valueOf(rs.getString("kind")),
                rs.getString("member"), rs.getLong("first_revision"), rs.getLong("last_revision")), fingerprint);
    }

    /**
     * The gov's revisions after {@code revision}, oldest first, at most {@code limit}. Ordered by the whole key though
     * gov is fixed: H2 reads rows in index order only when the ORDER BY names the index's columns from its first, and
     * otherwise reads every later revision of the gov and sorts them to keep the first {@code limit}.
     */
    List<Change> changesAfter(String gov, long revision, int limit) {
        return jdbc.query("select revision, fingerprint, published_at, what, reason, cutover_of, metadata_only "
                + "from fingerprint_change where gov = ? and revision > ? order by gov, revision limit ?",
                FingerprintRepository::change, gov, revision, limit);
    }

    /** The gov's last revision and its retirement, in one read of its row. */
    Optional<Standing> standing(String gov) {
        return jdbc.query("select revision, retired_at from fingerprint_gov where gov = ?",
                (rs, i) -> new Standing(rs.getLong(1), instant(rs.getTimestamp(2))), gov).stream().findFirst();
    }

    /** Where a gov stands now: {@code retiredAt} null while it is not retired. */
    record Standing(long revision, Instant retiredAt) {
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getLong("revision"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("fingerprint"), rs.getString("what"), rs.getString("reason"), rs.getString("cutover_of"),
                rs.getBoolean("metadata_only"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
