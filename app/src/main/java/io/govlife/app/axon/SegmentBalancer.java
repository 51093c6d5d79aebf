package io.govlife.app.axon;

import io.govlife.app.messaging.NodeMembership;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spreads every streaming processor's segments over the live nodes. Without Axon Server nothing balances them: the
 * first node up claims every segment and later nodes would idle. On each heartbeat a node holding more than its
 * fair share ({@code ceil(segments / live nodes)}) releases the excess for a while, and a node with room claims it.
 * Taking over a stopped node's segments needs nothing from here: they are released on a clean stop, and a
 * crashed node's claims time out; any node claims unclaimed segments, beyond its share if need be.
 */
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final NodeMembership membership;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration releaseFor;

    SegmentBalancer(NodeMembership membership, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                    Duration releaseFor) {
        this.membership = membership;
        this.processing = processing;
        this.jdbc = jdbc;
        this.releaseFor = releaseFor;
    }

    @Scheduled(fixedDelayString = "${govlife.node.heartbeat:PT5S}")
    void balance() {
        int liveNodes = membership.beat();
        if (liveNodes == 1) {
            return; // alone, every segment is this node's share
        }
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name",
                (RowCallbackHandler) row -> segments.put(row.getString(1), row.getInt(2)));
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                releaseExcess(name, streaming, segments.getOrDefault(name, 0), liveNodes);
            }
        });
    }

    private void releaseExcess(String name, StreamingEventProcessor processor, int segments, int liveNodes) {
        if (segments == 0) {
            return; // its tokens are not yet created
        }
        int fairShare = (segments + liveNodes - 1) / liveNodes;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        if (held.size() <= fairShare) {
            return;
        }
        List<Integer> excess = held.subList(fairShare, held.size());
        log.info("Releasing segments {} of {} to the other {} node(s)", excess, name, liveNodes - 1);
        excess.forEach(segment -> processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS));
    }
}
