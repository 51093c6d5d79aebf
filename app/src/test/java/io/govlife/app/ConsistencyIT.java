package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The consistency rules of DOMAIN.md v2 over HTTP, as an operator console meets them. */
class ConsistencyIT extends LiveApplication {

    /** base, zora, the price oracle and bridge over all three, published; answers the gov's name. */
    private String publishedWithWideBridge() {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}")
                .status()).isEqualTo(201);
        assertThat(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\",\"price-oracle\"],\"stateMachineVersion\":\"1\"}").status())
                .isEqualTo(201);
        assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
        return gov;
    }

    /** zora at a new fingerprint, in the draft: bridge over it is stale. */
    private void replaceZora(String g) {
        assertThat(api.post(g + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":7777777,"
                + "\"fingerprint\":\"" + fp(0x23) + "\"},\"reason\":\"new release\"}").status()).isEqualTo(201);
    }

    @Test
    void the_issues_scenario_publishes_the_bumped_lattice_with_the_upgraded_confluence() {
        String gov = publishedWithWideBridge();
        String g = "/api/govs/" + gov;
        Instant cutoverAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99) + "\",\"cutoverAt\":\""
                + cutoverAt + "\"}").status()).isEqualTo(201);
        assertThat(api.delete(g + "/citizens/price-oracle", "{\"reason\":\"misbehaves\"}").status()).isEqualTo(200);
        assertThat(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x46)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"2\"}").status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(g + "/config").status() == 200
                && get(g + "/config").json().path("lattices").toString().contains(fp(0x99)));
        JsonNode config = get(g + "/config").json();
        assertThat(config.path("confluences").get(0).path("fingerprint").asText())
                .as("the upgraded bridge, never the old one beside the bumped lattice").isEqualTo(fp(0x46));
        // the dropped oracle is still published (the drop is in the draft only), and bridge no longer spans it
        assertThat(config.path("organisms").toString()).contains("price-oracle");
    }

    @Test
    void a_confluence_confirmed_unchanged_after_a_replacement_may_be_published() {
        String gov = publishedWithWideBridge();
        String g = "/api/govs/" + gov;
        replaceZora(g);
        BadInputIT.assertProblem(api.post(g + "/publications", "{}"), 409, "confluences");
        // re-sending the unchanged body is no upgrade and clears nothing
        assertThat(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\",\"price-oracle\"],\"stateMachineVersion\":\"1\"}").status())
                .isEqualTo(200);
        BadInputIT.assertProblem(api.post(g + "/publications", "{}"), 409, "confluences");

        BadInputIT.assertProblem(api.post(g + "/confluences/bridge/confirmation", "{}"), 400, "reason");
        assertThat(api.post(g + "/confluences/bridge/confirmation",
                "{\"reason\":\"bridge speaks zora's new release unchanged\"}").status()).isEqualTo(200);
        assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
        BadInputIT.assertProblem(api.post(g + "/confluences/bridge/confirmation", "{\"reason\":\"again\"}"), 409,
                "name");

        awaitProjections();
        JsonNode history = get(g + "/history?type=ConfluenceConfirmed").json();
        assertThat(history.path("items").get(0).path("reason").asText())
                .isEqualTo("bridge speaks zora's new release unchanged");
    }

    @Test
    void a_bump_of_a_citizen_changed_in_the_draft_is_refused() {
        String gov = publishedWithWideBridge();
        String g = "/api/govs/" + gov;
        replaceZora(g);
        BadInputIT.assertProblem(api.post(g + "/citizens/zora/bumps", "{\"fingerprint\":\"" + fp(0x98)
                + "\",\"cutoverAt\":\"" + Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS) + "\"}"),
                409, "citizen");
    }
}
