package io.govlife.app.axon;

import io.govlife.app.messaging.NodeMembership;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.HashMap;
import java.util.Map;

/**
 * How many of a processor's segments this node may hold: its fair share, {@code ceil(segments / live nodes)}, which
 * Axon's pooled streaming processor claims up to and releases beyond (its {@code maxSegmentProvider}). Without Axon
 * Server nothing else spreads segments over the nodes sharing the database: the first node up would hold them all.
 * Nodes and segments are counted at each heartbeat, so a node that joins gets its share within a heartbeat and a
 * claim interval, a split or merge changes the shares, and a node that left, or stopped beating, leaves its share
 * to the others.
 */
class SegmentShare {

    private final NodeMembership membership;
    private final JdbcTemplate jdbc;
    private volatile int liveNodes = 1;
    private volatile Map<String, Integer> segments = Map.of();

    SegmentShare(NodeMembership membership, JdbcTemplate jdbc) {
        this.membership = membership;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${govlife.node.heartbeat:PT5S}")
    void count() {
        liveNodes = membership.beat();
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name",
                (RowCallbackHandler) row -> counted.put(row.getString(1), row.getInt(2)));
        segments = counted;
    }

    /** Alone, or before its tokens exist, a node may hold every segment. */
    int of(String processor) {
        Integer count = segments.get(processor);
        int nodes = liveNodes;
        if (count == null || nodes <= 1) {
            return Short.MAX_VALUE;
        }
        return (count + nodes - 1) / nodes;
    }
}
