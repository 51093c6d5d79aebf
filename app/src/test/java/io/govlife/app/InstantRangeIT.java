package io.govlife.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instant the API takes lies in years 2000 to 9999. Outside, an instant overflowed on its way to the deadline
 * store (a bump for year 999999999 was reminded at once and its cutover retried every second) or stood for "all
 * time" in a filter; now it is refused with 400 naming the field.
 */
class InstantRangeIT extends LiveApplication {

    private String g;

    @BeforeEach
    void publishedGov() {
        g = "/api/govs/" + govWithTwoLattices();
        assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
        awaitProjections(); // so that a refusal below is for the instant, not for a gov the read models lack yet
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "1999-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z"})
    void a_bump_cutover_outside_the_years_2000_to_9999_is_refused(String instant) {
        long before = eventCount();

        Api.Reply reply = api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99)
                + "\",\"cutoverAt\":\"" + instant + "\"}");

        BadInputIT.assertProblem(reply, 400, "cutoverAt");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("2000").contains("9999");
        assertThat(eventCount()).as("events after the refused bump").isEqualTo(before);
    }

    @Test
    void a_bump_on_the_last_second_of_year_9999_is_accepted() {
        Api.Reply reply = api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99)
                + "\",\"cutoverAt\":\"9999-12-31T23:59:59Z\"}");

        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from", "to"})
    void a_history_bound_outside_the_range_is_refused(String bound) {
        BadInputIT.assertProblem(get(g + "/history?" + bound + "=-999999999-01-01T00:00:00Z"), 400, bound);
        BadInputIT.assertProblem(get(g + "/history?" + bound + "=%2B999999999-12-31T23:59:59Z"), 400, bound);
        BadInputIT.assertProblem(get(g + "/history?" + bound + "=1999-12-31T23:59:59Z"), 400, bound);
        BadInputIT.assertProblem(get(g + "/history?" + bound + "=%2B10000-01-01T00:00:00Z"), 400, bound);
    }

    @Test
    void history_bounds_at_the_ends_of_the_range_are_accepted() {
        Api.Reply all = get(g + "/history?from=2000-01-01T00:00:00Z&to=9999-12-31T23:59:59Z");

        assertThat(all.status()).as("%s", all).isEqualTo(200);
        assertThat(all.json().path("total").asLong()).isPositive();
    }

    @Test
    void a_config_as_of_outside_the_range_is_refused() {
        BadInputIT.assertProblem(get(g + "/config?asOf=-999999999-01-01T00:00:00Z"), 400, "asOf");
        BadInputIT.assertProblem(get(g + "/config?asOf=%2B999999999-12-31T23:59:59Z"), 400, "asOf");
        BadInputIT.assertProblem(get(g + "/config?asOf=1970-01-01T00:00:00Z"), 400, "asOf");
    }

    @Test
    void a_config_as_of_the_last_instant_of_the_range_is_the_current_one() {
        Api.Reply config = get(g + "/config?asOf=9999-12-31T23:59:59Z");

        assertThat(config.status()).as("%s", config).isEqualTo(200);
        assertThat(config.header("Gov-Revision")).isEqualTo("1");
    }
}
