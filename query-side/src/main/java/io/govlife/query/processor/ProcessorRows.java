package io.govlife.query.processor;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rows through which the nodes coordinate the read models' processor: which segments some node holds, read from
 * Axon's token store without claiming anything (Axon's own {@code fetchToken} claims), and the state the cluster was
 * asked for, one row of {@code read_model_control} that every node follows. A node only sees the segments it
 * processes; a segment nobody holds is read by no one, and the read models are not up to date until some node claims
 * it.
 */
@Repository
class ProcessorRows {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessorRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Segments some node holds: a node that stopped or paused has let go of its own. */
    int claimedSegments() {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ? "
                + "and owner is not null", Integer.class, ReadModels.PROCESSOR);
        return count == null ? 0 : count;
    }

    int unclaimedSegments() {
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ? "
                + "and owner is null", Integer.class, ReadModels.PROCESSOR);
        return count == null ? 0 : count;
    }

    /** A segment, the node holding it (null when none does) and when that node last claimed or renewed it. */
    record Claim(int segment, String owner, Instant claimedAt) {
    }

    /**
     * Every segment's claim. Axon stamps a token's row whenever a node claims it or stores its progress, so an owned
     * row's stamp is its latest claim; an unclaimed row's is only when it was let go, and is not given.
     */
    List<Claim> claims() {
        return jdbc.query("select t.segment, t.owner, t.timestamp from token_entry t where t.processor_name = ? "
                + "order by t.segment", (row, n) -> {
                    String owner = row.getString("owner");
                    return new Claim(row.getInt("segment"), owner,
                            owner == null ? null : DateTimeUtils.parseInstant(row.getString("timestamp")));
                }, ReadModels.PROCESSOR);
    }

    /** What the cluster was asked for; each change has a generation of its own, so that a node applies it once. */
    record Wanted(boolean paused, long generation) {
    }

    Optional<Wanted> wanted() {
        return jdbc.query("select state, generation from read_model_control where processor = ?",
                (row, n) -> new Wanted("PAUSED".equals(row.getString(1)), row.getLong(2)), ReadModels.PROCESSOR)
                .stream().findFirst();
    }

    /** Asks the cluster to pause or to run the read models; answers the generation of that change. */
    long want(boolean paused, String by) {
        jdbc.update("update read_model_control set state = ?, generation = generation + 1, changed_at = ?, "
                + "changed_by = ? where processor = ?", paused ? "PAUSED" : "RUNNING", Timestamp.from(clock.instant()),
                by, ReadModels.PROCESSOR);
        return wanted().orElseThrow(() -> new IllegalStateException("read_model_control has no row for "
                + ReadModels.PROCESSOR)).generation();
    }
}
