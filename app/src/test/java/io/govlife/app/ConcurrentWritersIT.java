package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers get 409 or 412, never a lost update and never a duplicated event. */
class ConcurrentWritersIT extends LiveApplication {

    @Test
    void of_two_creates_with_one_name_exactly_one_wins() throws Exception {
        String gov = uniqueGov();
        List<Api.Reply> replies = Concurrently.run(8, i -> api.post("/api/govs",
                "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}"));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, gov)).isEqualTo(1L);
    }

    @Test
    void writers_holding_the_same_version_get_one_success_and_412_for_the_rest() throws Exception {
        String gov = govWithTwoLattices();
        List<Api.Reply> replies = Concurrently.run(6, i -> api.post("/api/govs/" + gov + "/organisms",
                "{\"role\":\"organism-" + i + "\",\"fingerprint\":\"" + fp(0x30 + i) + "\"}", "If-Match", "\"2\""));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(412));
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, gov)).isEqualTo(3L);
    }

    @Test
    void writers_without_if_match_all_land_in_order() throws Exception {
        String gov = govWithTwoLattices();
        List<Api.Reply> replies = Concurrently.run(6, i -> api.post("/api/govs/" + gov + "/organisms",
                "{\"role\":\"organism-" + i + "\",\"fingerprint\":\"" + fp(0x30 + i) + "\"}"));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        long accepted = replies.stream().filter(r -> r.status() == 201).count();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, gov)).isEqualTo(3 + accepted);
        assertThat(replies.stream().filter(r -> r.status() == 201).map(r -> r.header("ETag")).distinct().count())
                .as("each accepted write has its own version").isEqualTo(accepted);
    }
}
