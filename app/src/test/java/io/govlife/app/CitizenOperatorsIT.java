package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md v2 "Citizens' operators" over HTTP: the owner names an operator for one citizen; that operator's token
 * announces and cancels the citizen's bumps through the gov, and every other write — other citizens, other govs,
 * the gov itself — answers 403 naming the reason. A citizen operator's token reads none of the private pages.
 */
class CitizenOperatorsIT extends LiveApplication {

    /** A fresh citizen-operator token for a fresh name: answers the Authorization header value. */
    private String citizenOperatorToken(String operator) {
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"" + operator
                + "\",\"citizenOperator\":true}");
        assertThat(issued.status()).as("issued: %s", issued).isEqualTo(201);
        assertThat(issued.json().path("citizenOperator").asBoolean()).isTrue();
        return "Bearer " + issued.json().path("token").asText();
    }

    private String publishedGov() {
        String gov = govWithTwoLattices();
        assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(201);
        return gov;
    }

    private static String bump(int fp, Instant cutoverAt) {
        return "{\"fingerprint\":\"" + fp(fp) + "\",\"cutoverAt\":\"" + cutoverAt + "\"}";
    }

    @Test
    void the_authority_matrix_of_a_citizen_operator() {
        String dave = "dave-" + UUID.randomUUID().toString().substring(0, 8);
        String token = citizenOperatorToken(dave);
        String gov = publishedGov();
        String other = publishedGov();
        String g = "/api/govs/" + gov;
        Instant later = Instant.now().plus(Duration.ofDays(3));

        Api.Reply named = api.post(g + "/citizens/base/operators", "{\"operator\":\"" + dave
                + "\",\"reason\":\"base's release manager\"}");
        assertThat(named.status()).as("named: %s", named).isEqualTo(201);
        assertThat(named.header("Location")).isEqualTo(g + "/citizens/base/operators/" + dave);

        // allowed: its own citizen's bumps, scheduled and cancelled
        Api.Reply scheduled = api.post(g + "/citizens/base/bumps", bump(0x99, later), "Authorization", token);
        assertThat(scheduled.status()).as("scheduled: %s", scheduled).isEqualTo(201);
        assertThat(scheduled.json().path("shortNotice").asBoolean()).isFalse();
        assertThat(scheduled.json().path("catchUp").asBoolean()).isFalse();
        assertThat(api.delete(g + "/citizens/base/bumps/current", "{\"reason\":\"release slipped\"}",
                "Authorization", token).status()).isEqualTo(200);

        // refused by the gov: another citizen, and everything else of the gov, with the reason named
        Map<String, Api.Reply> refusedByTheGov = new LinkedHashMap<>();
        refusedByTheGov.put("another citizen's bump", api.post(g + "/citizens/zora/bumps", bump(0x98, later),
                "Authorization", token));
        refusedByTheGov.put("another citizen's cancellation", api.delete(g + "/citizens/zora/bumps/current", null,
                "Authorization", token));
        for (Map.Entry<String, Api.Reply> refused : refusedByTheGov.entrySet()) {
            BadInputIT.assertProblem(refused.getValue(), 403, "operator");
            assertThat(refused.getValue().json().path("rule").asText()).as(refused.getKey())
                    .isEqualTo("citizen-operator-limits");
            assertThat(refused.getValue().json().path("detail").asText()).contains("base", "bumps");
        }
        // refused by its token's role before any gov is asked: every other write and every private read
        Map<String, Api.Reply> refusedByRole = new LinkedHashMap<>();
        refusedByRole.put("publish", api.post(g + "/publications", "{}", "Authorization", token));
        refusedByRole.put("reference", api.post(g + "/organisms", "{\"role\":\"oracle\",\"fingerprint\":\""
                + fp(0x33) + "\"}", "Authorization", token));
        refusedByRole.put("drop", api.delete(g + "/citizens/zora", "{\"reason\":\"x\"}", "Authorization", token));
        refusedByRole.put("replace", api.post(g + "/citizens/base/replacement", "{\"lattice\":{\"name\":\"base\","
                + "\"chainId\":8453,\"fingerprint\":\"" + fp(0x12) + "\"}}", "Authorization", token));
        refusedByRole.put("register an integrator", api.post(g + "/integrators", "{\"name\":\"w\",\"webhookUrl\":"
                + "\"https://hooks.example/w\"}", "Authorization", token));
        refusedByRole.put("name itself elsewhere", api.post(g + "/citizens/zora/operators", "{\"operator\":\""
                + dave + "\"}", "Authorization", token));
        refusedByRole.put("co-operate", api.post(g + "/operators", "{\"operator\":\"" + dave + "\"}",
                "Authorization", token));
        refusedByRole.put("retire", api.post(g + "/retirement", "{\"reason\":\"x\"}", "Authorization", token));
        refusedByRole.put("create a gov", api.post("/api/govs", "{\"name\":\"" + uniqueGov()
                + "\",\"archetype\":\"SERVICE\"}", "Authorization", token));
        refusedByRole.put("read the audit trail", api.send("GET", g + "/history", null, "Authorization", token));
        refusedByRole.put("export the audit", api.send("GET", g + "/audit", null, "Authorization", token));
        refusedByRole.put("read the composition", api.send("GET", g, null, "Authorization", token));
        refusedByRole.put("list govs", api.send("GET", "/api/govs", null, "Authorization", token));
        refusedByRole.put("reports", api.send("GET", "/api/reports/bumps", null, "Authorization", token));
        refusedByRole.put("admin", api.send("GET", "/api/admin/tokens", null, "Authorization", token));
        for (Map.Entry<String, Api.Reply> refused : refusedByRole.entrySet()) {
            Api.Reply reply = refused.getValue();
            assertThat(reply.status()).as("%s: %s", refused.getKey(), reply).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(refusedByRole.get("publish").json().path("detail").asText()).contains("citizen operator");

        // another gov, where nobody named it: a stranger there
        Api.Reply elsewhere = api.post("/api/govs/" + other + "/citizens/base/bumps", bump(0x99, later),
                "Authorization", token);
        BadInputIT.assertProblem(elsewhere, 403, "operator");
        assertThat(elsewhere.json().path("rule").asText()).isEqualTo("not-an-operator");

        // the audit trail shows who announced
        assertThat(api.post(g + "/citizens/base/bumps", bump(0x97, later), "Authorization", token).status())
                .isEqualTo(201);
        awaitProjections();
        JsonNode history = get(g + "/history?type=FingerprintBumpScheduled").json();
        assertThat(history.path("items").get(0).path("operator").asText()).isEqualTo(dave);

        // removed: a stranger to the gov from then on
        assertThat(api.delete(g + "/citizens/base/operators/" + dave, "{\"reason\":\"left base\"}").status())
                .isEqualTo(200);
        Api.Reply afterRemoval = api.delete(g + "/citizens/base/bumps/current", null, "Authorization", token);
        BadInputIT.assertProblem(afterRemoval, 403, "operator");
        assertThat(afterRemoval.json().path("rule").asText()).isEqualTo("not-an-operator");
    }

    @Test
    void an_operator_token_named_for_a_citizen_announces_its_bumps_in_a_gov_it_does_not_operate() {
        String gov = publishedGov();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/citizens/zora/operators", "{\"operator\":\"erin\"}").status()).isEqualTo(201);
        assertThat(api.post(g + "/citizens/zora/bumps", bump(0x77, Instant.now().plus(Duration.ofDays(2))),
                "X-Operator", "erin").status()).isEqualTo(201);
        BadInputIT.assertProblem(api.post(g + "/publications", "{}", "X-Operator", "erin"), 403, "operator");
    }

    @Test
    void only_the_owner_names_citizen_operators_and_only_for_citizens_the_gov_names() {
        String gov = publishedGov();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/operators", "{\"operator\":\"bob\"}").status()).isEqualTo(201);
        Api.Reply byCoOperator = api.post(g + "/citizens/base/operators", "{\"operator\":\"frank\"}",
                "X-Operator", "bob");
        BadInputIT.assertProblem(byCoOperator, 403, "operator");
        assertThat(byCoOperator.json().path("rule").asText()).isEqualTo("not-the-owner");
        BadInputIT.assertProblem(api.post(g + "/citizens/ghost/operators", "{\"operator\":\"frank\"}"), 404,
                "citizen");
        BadInputIT.assertProblem(api.post(g + "/citizens/base/operators", "{\"operator\":\"no spaces\"}"), 400,
                "operator");
        assertThat(api.post(g + "/citizens/base/operators", "{\"operator\":\"frank\"}").status()).isEqualTo(201);
        BadInputIT.assertProblem(api.post(g + "/citizens/base/operators", "{\"operator\":\"frank\"}"), 409,
                "operator");
        BadInputIT.assertProblem(api.delete(g + "/citizens/zora/operators/frank", null), 404, "operator");
    }

    @Test
    void a_token_is_an_admins_or_a_citizen_operators_not_both() {
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/admin/tokens",
                "{\"operator\":\"both\",\"admin\":true,\"citizenOperator\":true}"), 400, "citizenOperator");
    }

    @Test
    void the_composition_shows_a_pending_bump_came_at_short_notice_or_late() {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        bridgeAcrossBothLattices(g);
        assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
        // bridge spans both and awaits its upgrade: both cutovers block, so both bumps stay pending
        assertThat(api.post(g + "/citizens/base/bumps", bump(0x12, Instant.now().plusSeconds(1))).status())
                .isEqualTo(201);
        assertThat(api.post(g + "/citizens/zora/bumps", bump(0x23, Instant.now().minusSeconds(600))).status())
                .isEqualTo(201);
        awaitProjections();
        JsonNode bumps = get(g).json().path("pendingBumps");
        assertThat(bumps).hasSize(2);
        for (JsonNode pending : bumps) {
            if (pending.path("citizen").asText().equals("base")) {
                assertThat(pending.path("shortNotice").asBoolean()).isTrue();
                assertThat(pending.path("lateBy").isNull()).isTrue();
            } else {
                assertThat(pending.path("shortNotice").asBoolean()).isFalse();
                assertThat(Duration.parse(pending.path("lateBy").asText())).isGreaterThan(Duration.ofMinutes(9));
                assertThat(pending.path("blocked").asBoolean()).isTrue();
            }
        }
        // overdue blocked cutovers would stay pending for the rest of the suite (and in its cutover gauges)
        assertThat(api.post(g + "/retirement", "{\"reason\":\"test over\"}").status()).isEqualTo(200);
    }

    @Test
    void short_notice_and_catch_up_bumps_are_taken_and_flagged() {
        String gov = publishedGov();
        String g = "/api/govs/" + gov;
        // the suite's minimum notice is two seconds
        Api.Reply shortNotice = api.post(g + "/citizens/zora/bumps", bump(0x23, Instant.now().plusSeconds(1)
                .plusMillis(500)));
        assertThat(shortNotice.status()).as("short notice: %s", shortNotice).isEqualTo(201);
        assertThat(shortNotice.json().path("shortNotice").asBoolean()).isTrue();
        assertThat(shortNotice.json().path("catchUp").asBoolean()).isFalse();

        Api.Reply catchUp = api.post(g + "/citizens/base/bumps", bump(0x12, Instant.now().minusSeconds(3600)));
        assertThat(catchUp.status()).as("catch-up: %s", catchUp).isEqualTo(201);
        assertThat(catchUp.json().path("catchUp").asBoolean()).isTrue();
        assertThat(Duration.parse(catchUp.json().path("lateBy").asText())).isBetween(Duration.ofMinutes(59),
                Duration.ofMinutes(61));
        assertThat(catchUp.json().path("publishedRevision").asLong()).as("published at once").isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                get(g + "/config").json().path("lattices").toString().contains(fp(0x12)));
    }
}
