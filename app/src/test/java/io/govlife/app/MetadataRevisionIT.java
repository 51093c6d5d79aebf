package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md v2 over HTTP: a confluence carries a docs link; a draft that changes only what is outside the
 * fingerprint (a docs link) is published as a revision under the same gov root, and a draft equal in everything is
 * still refused.
 */
class MetadataRevisionIT extends LiveApplication {

    private static String bridge(int fp, String docsUrl) {
        return "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(fp) + "\",\"spans\":[\"base\",\"zora\"],"
                + "\"stateMachineVersion\":\"1\"" + (docsUrl == null ? "" : ",\"docsUrl\":\"" + docsUrl + "\"") + "}";
    }

    @Test
    void a_changed_docs_link_reaches_integrators_as_a_revision_under_the_same_root() {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/confluences", bridge(0x44, "https://docs.example/bridge/v1")).status())
                .isEqualTo(201);
        Api.Reply first = api.post(g + "/publications", "{\"notes\":\"bridge commissioned\"}");
        assertThat(first.status()).isEqualTo(201);
        String root = first.json().path("publishedFingerprint").asText();

        assertThat(api.put(g + "/confluences/bridge", bridge(0x44, "https://docs.example/bridge/v2")).status())
                .isEqualTo(200);
        Api.Reply second = api.post(g + "/publications", "{\"notes\":\"bridge docs moved\"}");
        assertThat(second.status()).as("metadata publication: %s", second).isEqualTo(201);
        assertThat(second.json().path("publishedRevision").asLong()).isEqualTo(2);
        assertThat(second.json().path("publishedFingerprint").asText()).as("same gov root").isEqualTo(root);

        awaitProjections();
        JsonNode config = get(g + "/config?revision=2").json();
        assertThat(config.path("confluences").get(0).path("docsUrl").asText())
                .isEqualTo("https://docs.example/bridge/v2");
        assertThat(get(g + "/config?revision=1").json().path("confluences").get(0).path("docsUrl").asText())
                .isEqualTo("https://docs.example/bridge/v1");

        Api.Reply unchanged = api.post(g + "/publications", "{}");
        BadInputIT.assertProblem(unchanged, 409, "draft");
        assertThat(unchanged.json().path("rule").asText()).isEqualTo("draft-unchanged");
    }

    @Test
    void a_confluence_docs_link_must_be_an_http_url() {
        String gov = govWithTwoLattices();
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/confluences",
                bridge(0x44, "javascript:alert(1)")), 400, "docsUrl");
    }
}
