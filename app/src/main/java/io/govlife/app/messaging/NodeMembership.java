package io.govlife.app.messaging;

import io.govlife.app.config.GovlifeProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This node's name and its heartbeat in the shared database. Nodes that stop cleanly leave at once; a node that
 * crashed counts as live until two heartbeats have gone by without it (until then its share of segments
 * is released for a while with no one to claim it: a short lag after a crash, never a loss).
 */
public class NodeMembership {

    private static final int MISSED_HEARTBEATS = 2;

    private final String id;
    private final Duration heartbeat;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NodeMembership(GovlifeProperties.Node node, JdbcTemplate jdbc, Clock clock) {
        this.id = node.resolvedId();
        this.heartbeat = node.heartbeat();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    /** Records that this node is alive and answers how many nodes are, this one included. */
    public int beat() {
        Instant now = clock.instant();
        if (jdbc.update("update node_heartbeat set seen_at = ? where node_id = ?", Timestamp.from(now), id) == 0) {
            jdbc.update("insert into node_heartbeat (node_id, seen_at) values (?, ?)", id, Timestamp.from(now));
        }
        Timestamp cutoff = Timestamp.from(now.minus(heartbeat.multipliedBy(MISSED_HEARTBEATS)));
        jdbc.update("delete from node_heartbeat where seen_at < ?", cutoff);
        Integer live = jdbc.queryForObject("select count(*) from node_heartbeat", Integer.class);
        return Math.max(1, live == null ? 1 : live);
    }

    @PreDestroy
    void leave() {
        jdbc.update("delete from node_heartbeat where node_id = ?", id);
    }
}
