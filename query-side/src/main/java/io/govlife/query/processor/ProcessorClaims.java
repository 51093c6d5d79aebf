package io.govlife.query.processor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which of the read models' segments no node holds, read from Axon's token store without claiming anything (Axon's
 * own {@code fetchToken} claims). A node only sees the segments it processes; a segment nobody holds is read by no
 * one, and the read models are not up to date until some node claims it.
 */
@Repository
class ProcessorClaims {

    private final JdbcTemplate jdbc;

    ProcessorClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
