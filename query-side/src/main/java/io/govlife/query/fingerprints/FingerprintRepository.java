package io.govlife.query.fingerprints;

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

/**
 * The tables of the fingerprint lookup. A lookup is {@link #RUNS} (the key's prefix, joined to each gov's row by its
 * key) and, when the fingerprint was superseded, {@link #CHANGES} per gov (a range of the key): the same two reads
 * however long the history. Both are public so the plan check explains exactly what is sent.
 */
@Repository
public class FingerprintRepository {

    /** Every run of revisions carrying the fingerprint, with where its gov stands now. */
    public static final String RUNS = "select c.gov, c.citizen, c.kind, c.first_revision, c.last_revision, "
            + "c.next_fingerprint, g.revision, g.fingerprint as gov_fingerprint, g.retired_at "
            + "from fingerprint_carried c join fingerprint_gov g on g.gov = c.gov "
            + "where c.fingerprint = ? order by c.gov, c.citizen, c.first_revision";

    /**
     * A gov's revisions after a number, oldest first. Ordered by the whole key, though gov is fixed: H2 reads the
     * rows in index order only when the ORDER BY names the index's columns from the first, and sorts them otherwise.
     */
    public static final String CHANGES = "select revision, fingerprint, published_at, metadata_only, what, reason, "
            + "cutover_of from fingerprint_change where gov = ? and revision > ? order by gov, revision";

    private final JdbcTemplate jdbc;

    FingerprintRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Matches.Run> runs(String fingerprint) {
        return jdbc.query(RUNS, (rs, i) -> new Matches.Run(rs.getString("gov"), rs.getString("citizen"),
                rs.getString("kind"), rs.getLong("first_revision"), rs.getObject("last_revision", Long.class),
                rs.getString("next_fingerprint"), rs.getLong("revision"), rs.getString("gov_fingerprint"),
                instant(rs, "retired_at")), fingerprint);
    }

    List<FingerprintLookup.Change> changesAfter(String gov, long revision) {
        return jdbc.query(CHANGES, (rs, i) -> new FingerprintLookup.Change(rs.getLong("revision"),
                instant(rs, "published_at"), rs.getString("fingerprint"), rs.getBoolean("metadata_only"),
                rs.getString("what"), rs.getString("reason"), rs.getString("cutover_of")), gov, revision);
    }

    /** The config of the gov's latest revision, what the next publication is compared with. */
    Optional<GovConfig> latestConfig(String gov) {
        return jdbc.query("select config from fingerprint_gov where gov = ?",
                (rs, i) -> JsonColumns.read(rs.getString("config"), GovConfig.class), gov).stream().findFirst();
    }

    void published(String gov, long revision, String fingerprint, GovConfig config, boolean first) {
        if (first) {
            jdbc.update("insert into fingerprint_gov (gov, revision, fingerprint, config) values (?, ?, ?, ?)",
                    gov, revision, fingerprint, JsonColumns.write(config));
        } else {
            jdbc.update("update fingerprint_gov set revision = ?, fingerprint = ?, config = ? where gov = ?",
                    revision, fingerprint, JsonColumns.write(config), gov);
        }
    }

    void change(String gov, long revision, String fingerprint, Instant publishedAt, boolean metadataOnly, String what,
                String reason, String cutoverOf) {
        jdbc.update("insert into fingerprint_change (gov, revision, fingerprint, published_at, metadata_only, what, "
                        + "reason, cutover_of) values (?, ?, ?, ?, ?, ?, ?, ?)",
                gov, revision, fingerprint, Timestamp.from(publishedAt), metadataOnly, what, reason, cutoverOf);
    }

    void open(String gov, Carried carried, long revision) {
        jdbc.update("insert into fingerprint_carried (fingerprint, gov, citizen, first_revision, kind) "
                + "values (?, ?, ?, ?, ?)", carried.fingerprint(), gov, carried.citizen(), revision, carried.kind());
    }

    /** Ends the open run: the key's prefix finds it, however many runs the fingerprint had before. */
    void close(String gov, Carried carried, long lastRevision, String nextFingerprint) {
        jdbc.update("update fingerprint_carried set last_revision = ?, next_fingerprint = ? "
                        + "where fingerprint = ? and gov = ? and citizen = ? and last_revision is null",
                lastRevision, nextFingerprint, carried.fingerprint(), gov, carried.citizen());
    }

    void retired(String gov, Instant at) {
        jdbc.update("update fingerprint_gov set retired_at = ? where gov = ?", Timestamp.from(at), gov);
    }

    void deleteAll() {
        jdbc.update("delete from fingerprint_carried");
        jdbc.update("delete from fingerprint_change");
        jdbc.update("delete from fingerprint_gov");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
