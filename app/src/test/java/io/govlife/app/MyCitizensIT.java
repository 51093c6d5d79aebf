package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/me/citizens}: a citizen's operator sees every citizen it was named for, in every gov, and how far
 * integrators have taken in each pending bump, counted and never named; nobody else's token sees any of it.
 */
class MyCitizensIT extends NoticeFixtures {

    @Test
    void a_citizen_operator_sees_its_citizens_of_every_gov_and_who_has_acknowledged_their_bumps_by_number() {
        String erin = "erin-" + UUID.randomUUID().toString().substring(0, 8);
        String token = citizenOperatorToken(erin);
        register("acme-wallet", "/acme");
        register("beta-wallet", "/beta");
        ok(api.post(g + "/publications", "{}"));
        String other = uniqueGov();
        serviceGovWithOracle(api, other);
        ok(api.post(g + "/citizens/price-oracle/operators", "{\"operator\":\"" + erin + "\"}"));
        ok(api.post("/api/govs/" + other + "/citizens/price-oracle/operators", "{\"operator\":\"" + erin + "\"}"));
        Instant cutoverAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        ok(api.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\"" + fp(0x99) + "\",\"cutoverAt\":\""
                + cutoverAt + "\"}", "Authorization", token));
        JsonNode advance = awaitNoticeBody("/acme", "BUMP_SCHEDULED");
        awaitNoticeBody("/beta", "BUMP_SCHEDULED");

        JsonNode mine = await().atMost(Duration.ofSeconds(20)).until(() -> mine(token),
                m -> m.path("citizens").size() == 2 && !m.path("citizens").findValues("pendingBump").stream()
                        .allMatch(JsonNode::isNull) && notified(m, gov) == 2);
        assertThat(mine.path("operator").asText()).isEqualTo(erin);
        List<String> govs = List.of(gov, other).stream().sorted().toList();
        assertThat(mine.path("citizens").findValuesAsText("gov")).containsExactlyElementsOf(govs);
        assertThat(mine.path("citizens").findValuesAsText("citizen")).containsOnly("price-oracle");
        JsonNode bump = citizen(mine, gov).path("pendingBump");
        assertThat(Instant.parse(bump.path("cutoverAt").asText())).isEqualTo(cutoverAt);
        assertThat(bump.path("fingerprint").asText()).isEqualTo(fp(0x99));
        assertThat(bump.path("notified").asInt()).isEqualTo(2);
        assertThat(bump.path("acknowledged").asInt()).isZero();
        assertThat(bump.path("unacknowledged").asInt()).isEqualTo(2);
        assertThat(citizen(mine, other).path("pendingBump").isNull()).as("no bump in the other gov").isTrue();
        assertThat(mine.toString()).as("integrators are the gov's").doesNotContain("acme-wallet")
                .doesNotContain("beta-wallet").doesNotContain(receiver.url("/"));

        ok(api.post(g + "/notices/" + advance.path("id").asText() + "/acks", "{\"integrator\":\"acme-wallet\","
                + "\"token\":\"" + advance.path("ackToken").asText() + "\"}", "-X-Operator"));
        JsonNode acknowledged = citizen(mine(token), gov).path("pendingBump");
        assertThat(acknowledged.path("notified").asInt()).isEqualTo(2);
        assertThat(acknowledged.path("acknowledged").asInt()).isEqualTo(1);
        assertThat(acknowledged.path("unacknowledged").asInt()).isEqualTo(1);

        // an integrator registered after the announcement owes the acknowledgement too, as the gov counts it
        register("late-wallet", "/late");
        JsonNode late = await().atMost(Duration.ofSeconds(10)).until(() -> citizen(mine(token), gov)
                .path("pendingBump"), b -> b.path("unacknowledged").asInt() == 2);
        assertThat(late.path("acknowledged").asInt()).isEqualTo(1);
        assertThat(ok(api.send("GET", g + "/notices", null)).json().path("pendingBumps").get(0)
                .path("unacknowledgedCount").asInt()).as("the gov's own page says the same").isEqualTo(2);

        // nobody else's token sees any of it; an admin token operates nothing
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode strangers = ok(api.send("GET", "/api/me/citizens", null, "X-Operator", stranger)).json();
        assertThat(strangers.path("operator").asText()).isEqualTo(stranger);
        assertThat(strangers.path("citizens")).isEmpty();
        JsonNode owners = ok(api.send("GET", "/api/me/citizens", null)).json();
        assertThat(owners.path("citizens").findValuesAsText("gov")).doesNotContain(gov, other);
        BadInputIT.assertProblem(api.asAdmin("GET", "/api/me/citizens", null), 403, "Authorization");
        BadInputIT.assertProblem(api.send("GET", "/api/me/citizens", null, "-X-Operator"), 401, "Authorization");

        ok(api.delete("/api/govs/" + other + "/citizens/price-oracle/operators/" + erin, null));
        JsonNode afterRemoval = await().atMost(Duration.ofSeconds(10)).until(() -> mine(token),
                m -> m.path("citizens").size() == 1);
        assertThat(afterRemoval.path("citizens").findValuesAsText("gov")).containsExactly(gov);

        ok(api.delete(g + "/citizens/price-oracle/bumps/current", "{\"reason\":\"release slipped\"}",
                "Authorization", token));
        await().atMost(Duration.ofSeconds(10)).until(() -> citizen(mine(token), gov).path("pendingBump").isNull());
    }

    private String citizenOperatorToken(String operator) {
        Api.Reply issued = ok(api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"" + operator
                + "\",\"citizenOperator\":true}"));
        return "Bearer " + issued.json().path("token").asText();
    }

    private JsonNode mine(String token) {
        return ok(api.send("GET", "/api/me/citizens", null, "Authorization", token)).json();
    }

    private static JsonNode citizen(JsonNode mine, String ofGov) {
        for (JsonNode citizen : mine.path("citizens")) {
            if (ofGov.equals(citizen.path("gov").asText())) {
                return citizen;
            }
        }
        throw new AssertionError("no citizen of " + ofGov + " in " + mine);
    }

    private static int notified(JsonNode mine, String ofGov) {
        return mine.path("citizens").findValues("gov").stream().anyMatch(n -> Objects.equals(n.asText(), ofGov))
                ? citizen(mine, ofGov).path("pendingBump").path("notified").asInt() : -1;
    }
}
