package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: tokens, per-gov authority, public reads. */
class SecurityIT extends LiveApplication {

    @Test
    void no_token_or_a_bad_token_is_401_and_changes_nothing() {
        String gov = govWithTwoLattices();
        long before = eventCount();
        Api.Reply none = api.post("/api/govs/" + gov + "/publications", "{}", "-X-Operator");
        BadInputIT.assertProblem(none, 401, "Authorization");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{}", "Authorization",
                "Bearer glt_forged"), 401, "Authorization");
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{}", "Authorization",
                "Basic YWxpY2U6cHc="), 401, "Authorization");
        BadInputIT.assertProblem(api.send("GET", "/api/govs", null, "-X-Operator"), 401, "Authorization");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void another_operators_gov_is_403_until_the_owner_adds_them() {
        String gov = govWithTwoLattices(); // alice's
        String organism = "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}";
        long before = eventCount();
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/organisms", organism, "X-Operator", "mallory"), 403,
                "operator");
        assertThat(eventCount()).isEqualTo(before);

        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/operators", "{\"operator\":\"dave\"}",
                "X-Operator", "mallory"), 403, "operator");
        assertThat(api.post("/api/govs/" + gov + "/operators", "{\"operator\":\"dave\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/govs/" + gov + "/organisms", organism, "X-Operator", "dave").status())
                .isEqualTo(201);

        assertThat(api.delete("/api/govs/" + gov + "/operators/dave", null).status()).isEqualTo(200);
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"other-oracle\","
                + "\"fingerprint\":\"" + fp(0x34) + "\"}", "X-Operator", "dave"), 403, "operator");

        // the history is a read model: wait for it, not for a processor status that may list only some segments
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Reply reply = get("/api/govs/" + gov + "/history?size=100");
            assertThat(reply.status()).as("history: %s", reply).isEqualTo(200);
            assertThat(reply.json().path("items").findValuesAsText("type"))
                    .contains("CoOperatorAdded", "CoOperatorRemoved");
        });
    }

    @Test
    void a_revoked_token_is_401() {
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"erin\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().path("token").asText();
        assertThat(api.send("GET", "/api/govs", null, "Authorization", "Bearer " + token).status()).isEqualTo(200);

        assertThat(api.asAdmin("DELETE", "/api/admin/tokens/" + issued.json().path("id").asText(), null).status())
                .isEqualTo(204);
        BadInputIT.assertProblem(api.send("GET", "/api/govs", null, "Authorization", "Bearer " + token), 401,
                "Authorization");
        BadInputIT.assertProblem(api.asAdmin("DELETE", "/api/admin/tokens/no-such-token", null), 404, "id");
    }

    @Test
    void tokens_are_listed_without_their_secret_and_only_to_admins() {
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"frank\"}");
        String token = issued.json().path("token").asText();
        Api.Reply listed = api.asAdmin("GET", "/api/admin/tokens", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("frank").doesNotContain(token).doesNotContain("token_hash");
        assertThat(api.send("GET", "/api/admin/tokens", null).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/admin/tokens", "{\"operator\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void admin_tokens_manage_tokens_not_govs() {
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/govs", "{\"name\":\"" + uniqueGov()
                + "\",\"archetype\":\"SERVICE\"}"), 403, "Authorization");
    }

    @Test
    void integrators_read_the_public_pages_without_a_token() {
        String gov = govWithTwoLattices();
        api.post("/api/govs/" + gov + "/publications", "{}");
        awaitProjections();
        for (String path : new String[]{"/govs/" + gov, "/api/govs/" + gov + "/config",
                "/api/govs/" + gov + "/config?revision=1", "/api/govs/" + gov + "/revisions",
                "/api/govs/" + gov + "/revisions/1/diff/1",
                "/api/govs/" + gov + "/changelog", "/api/govs/" + gov + "/feed"}) {
            assertThat(api.send("GET", path, null, "-X-Operator").status()).as(path).isEqualTo(200);
        }
        for (String path : new String[]{"/api/govs/" + gov, "/api/govs/" + gov + "/history",
                "/api/govs/" + gov + "/audit", "/api/govs/" + gov + "/notices", "/api/admin/projections",
                "/api/admin/projections/segments", "/api/admin/notices", "/api/me/citizens"}) {
            assertThat(api.send("GET", path, null, "-X-Operator").status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void tokens_may_expire_and_are_listed_with_their_last_use_never_their_secret() {
        Instant expiry = Instant.now().plusSeconds(3);
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"gina\",\"expiresAt\":\""
                + expiry + "\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).as("an answer carrying a token").contains("no-store");
        String token = issued.json().path("token").asText();
        String id = issued.json().path("id").asText();
        assertThat(api.send("GET", "/api/govs", null, "Authorization", "Bearer " + token).status()).isEqualTo(200);

        Api.Reply listed = api.asAdmin("GET", "/api/admin/tokens", null);
        assertThat(listed.header("Cache-Control")).contains("no-store");
        JsonNode row = null;
        for (JsonNode candidate : listed.json()) {
            if (candidate.path("id").asText().equals(id)) {
                row = candidate;
            }
        }
        assertThat(row).isNotNull();
        assertThat(Instant.parse(row.path("expiresAt").asText())).isEqualTo(expiry.truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(Instant.parse(issued.json().path("expiresAt").asText()));
        assertThat(row.path("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(listed.body()).doesNotContain(token);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                api.send("GET", "/api/govs", null, "Authorization", "Bearer " + token).status() == 401);
    }

    @Test
    void an_expiry_that_is_past_or_beyond_the_year_9999_is_refused() {
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/admin/tokens",
                "{\"operator\":\"hal\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), 400, "expiresAt");
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/admin/tokens",
                "{\"operator\":\"hal\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}"), 400, "expiresAt");
    }

    @Test
    void the_actuator_is_for_admins_but_the_probes_and_health_status() {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            Api.Reply reply = api.send("GET", probe, null, "-X-Operator");
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().has("components")).as("details of " + probe).isFalse();
        }
        assertThat(api.asAdmin("GET", "/actuator/health", null).json().has("components"))
                .as("health details for admins").isTrue();
        for (String path : new String[]{"/actuator/prometheus", "/actuator/metrics", "/actuator/info",
                "/actuator/health/db"}) {
            assertThat(api.send("GET", path, null, "-X-Operator").status()).as(path).isEqualTo(401);
            assertThat(api.send("GET", path, null).status()).as(path + " as an operator").isEqualTo(403);
        }
        assertThat(api.asAdmin("GET", "/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void answers_carry_the_default_security_headers() {
        Api.Reply reply = api.send("GET", "/api/govs", null);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }
}
