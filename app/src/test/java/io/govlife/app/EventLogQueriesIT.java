package io.govlife.app;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's own queries (IndexedEventQueries), on the real database: reading on from a token with
 * gaps answers the gaps first, then what follows the token, as Axon's single query does; the last sequence number of
 * a gov is its newest event's; a gov's events come in order, a batch at a time.
 */
class EventLogQueriesIT extends LiveApplication {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionManager transactionManager;

    @Test
    void reading_on_from_a_token_with_gaps_yields_the_gaps_then_everything_after_the_token_in_order() {
        List<Long> ours = globalIndexesOf(govShippingAtlas(6));
        assertThat(ours).hasSize(7);
        // a token at our fifth event that has not yet seen our second and fourth: as if they had committed late
        long at = ours.get(4);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(at, new TreeSet<>(List.of(ours.get(1),
                ours.get(3))));
        List<Long> after = jdbc.queryForList("select global_index from domain_event_entry where global_index > ? "
                + "order by global_index", Long.class, at);

        List<Long> read = readFrom(token, 2 + after.size());

        assertThat(read.subList(0, 2)).containsExactly(ours.get(1), ours.get(3));
        assertThat(read.subList(2, read.size())).isEqualTo(after).contains(ours.get(5), ours.get(6));
    }

    @Test
    void more_gaps_than_one_batch_are_all_read_before_what_follows_the_token() {
        List<Long> ours = globalIndexesOf(govShippingAtlas(120)); // more than one batch
        long at = ours.get(ours.size() - 2);
        TreeSet<Long> gaps = new TreeSet<>(ours.subList(0, ours.size() - 2));

        List<Long> read = readFrom(GapAwareTrackingToken.newInstance(at, gaps), gaps.size() + 1);

        assertThat(read.subList(0, gaps.size())).containsExactlyElementsOf(gaps);
        assertThat(read.get(gaps.size())).isGreaterThan(at);
    }

    @Test
    void the_last_sequence_number_of_a_gov_is_its_newest_event_s() {
        String gov = govShippingAtlas(3);

        assertThat(transactionManager.fetchInTransaction(() -> storageEngine.lastSequenceNumberFor(gov)))
                .contains(3L);
        assertThat(transactionManager.fetchInTransaction(() -> storageEngine.lastSequenceNumberFor(uniqueGov())))
                .isEmpty();
    }

    @Test
    void a_gov_s_events_from_a_sequence_number_on_come_in_order_across_batches() {
        String gov = govShippingAtlas(120); // events 0-120: from 5 on, two batches of Axon's 100

        List<Long> read = transactionManager.fetchInTransaction(() -> storageEngine.readEvents(gov, 5)
                .asStream().map(event -> event.getSequenceNumber()).toList());

        assertThat(read).hasSize(116).isSorted().startsWith(5L, 6L).endsWith(119L, 120L).doesNotHaveDuplicates();
    }

    /** A new gov whose Atlas was shipped this many times: its creation and one event per shipment. */
    private String govShippingAtlas(int shipments) {
        String gov = uniqueGov();
        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}");
        for (int i = 0; i < shipments; i++) {
            api.put("/api/govs/" + gov + "/services/ATLAS", "{\"fingerprint\":\"" + fp(i) + "\"}");
        }
        return gov;
    }

    private List<Long> globalIndexesOf(String gov) {
        return jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "order by global_index", Long.class, gov);
    }

    /** The global indexes of the first {@code count} events read from the token (a gap's own token does not say). */
    private List<Long> readFrom(GapAwareTrackingToken token, int count) {
        List<String> identifiers = transactionManager.fetchInTransaction(() -> storageEngine.readEvents(token, false)
                .limit(count)
                .map(event -> event.getIdentifier())
                .toList());
        return identifiers.stream().map(id -> jdbc.queryForObject("select global_index from domain_event_entry "
                + "where event_identifier = ?", Long.class, id)).toList();
    }
}
