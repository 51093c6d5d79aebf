package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.govlife.app.secrets.IntegratorSecretsAtRest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gov's notices are its operators' own; an ack is its integrator's, proven by the token its notice carried;
 * secrets are stored sealed; webhooks cannot be aimed at an invalid port or at the service itself.
 */
class NoticeAuthorityIT extends NoticeFixtures {

    @Autowired
    IntegratorSecretsAtRest secretsAtRest;

    @Test
    void another_operator_may_neither_list_nor_redeliver_a_gov_s_notices() {
        JsonNode failed = aFailedNotice("strict-wallet", "/strict");
        String redelivery = g + "/notices/" + failed.path("id").asText() + "/redelivery";

        BadInputIT.assertProblem(api.send("GET", g + "/notices", null, "X-Operator", "mallory"), 403, "operator");
        BadInputIT.assertProblem(api.post(redelivery, null, "X-Operator", "mallory"), 403, "operator");
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(receiver.at("/strict")).hasSize(1);

        // a co-operator may, once the owner has added them, and no longer once removed
        ok(api.post(g + "/operators", "{\"operator\":\"dave\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", g + "/notices", null, "X-Operator", "dave")
                .status() == 200);
        assertThat(api.post(redelivery, null, "X-Operator", "dave").status()).isEqualTo(200);
        awaitNotice(n -> "DELIVERED".equals(n.path("status").asText()));
        ok(api.delete(g + "/operators/dave", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", g + "/notices", null, "X-Operator", "dave")
                .status() == 403);
    }

    @Test
    void an_admin_token_may_list_a_gov_s_notices_but_not_redeliver_them() {
        JsonNode failed = aFailedNotice("strict-wallet", "/strict");

        Api.Reply listed = api.asAdmin("GET", g + "/notices", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).path("id").asText()).isEqualTo(failed.path("id").asText());
        Api.Reply redelivery = api.asAdmin("POST", g + "/notices/" + failed.path("id").asText() + "/redelivery", null);
        assertThat(redelivery.status()).isEqualTo(403);
        assertThat(status(failed)).isEqualTo("FAILED");
    }

    @Test
    void an_ack_needs_the_token_delivered_in_the_signed_notice() {
        String secret = register("acme-wallet", "/acme");
        register("other-wallet", "/other");
        ok(api.post(g + "/publications", "{}"));
        WebhookReceiver.Received delivered = awaitOne("/acme");
        JsonNode body = json(delivered.body());
        String id = body.path("id").asText();
        String token = body.path("ackToken").asText();
        assertThat(token).isNotBlank();
        assertThat(NoticesIT.verifies(delivered, secret)).as("the token is signed with the rest").isTrue();
        String othersToken = json(awaitOne("/other").body()).path("ackToken").asText();
        assertThat(othersToken).isNotEqualTo(token);

        // the notices' authority learns the gov's operators from the log on its own processor: wait for it
        Api.Reply list = await().atMost(Duration.ofSeconds(20)).until(() -> get(g + "/notices"),
                reply -> reply.status() == 200);
        assertThat(list.body()).doesNotContain(token).doesNotContain(othersToken).doesNotContain("ackToken");

        String acks = g + "/notices/" + id + "/acks";
        BadInputIT.assertProblem(api.post(acks, "{\"integrator\":\"acme-wallet\"}", "-X-Operator"), 403, "token");
        BadInputIT.assertProblem(api.post(acks, "{\"integrator\":\"acme-wallet\",\"token\":\"ack_guess\"}",
                "-X-Operator"), 403, "token");
        BadInputIT.assertProblem(api.post(acks, "{\"integrator\":\"acme-wallet\",\"token\":\"" + othersToken + "\"}",
                "-X-Operator"), 403, "token");
        BadInputIT.assertProblem(api.post(acks, "{\"integrator\":\"other-wallet\",\"token\":\"" + token + "\"}",
                "-X-Operator"), 403, "token");
        assertThat(jdbc.queryForObject("select count(*) from notice where gov = ? and acknowledged_at is not null",
                Long.class, gov)).isZero();

        Api.Reply ack = api.post(acks, "{\"integrator\":\"acme-wallet\",\"token\":\"" + token + "\"}",
                "-X-Operator");
        assertThat(ack.status()).as("%s", ack).isEqualTo(200);
        assertThat(jdbc.queryForList("select integrator from notice where gov = ? and acknowledged_at is not null",
                String.class, gov)).containsExactly("acme-wallet");
    }

    @Test
    void webhook_urls_with_an_invalid_port_or_aimed_at_the_service_itself_are_refused() {
        long before = eventCount();
        for (String url : List.of("http://127.0.0.1:99999/x", "http://127.0.0.1:0/x", "http://localhost:65536/x",
                "http://127.0.0.1:" + port + "/api/govs", "http://localhost:" + port + "/x",
                "http://bad_host.localhost/x")) {
            BadInputIT.assertProblem(api.post(g + "/integrators", "{\"name\":\"bad-wallet\",\"webhookUrl\":\""
                    + url + "\"}"), 400, "webhookUrl");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_target_refused_at_send_time_is_a_recorded_failed_attempt_not_a_request() {
        register("moved-wallet", "/moved");
        // as if its name now resolved to the service itself
        jdbc.update("update integrator_endpoint set webhook_url = ? where gov = ? and integrator = 'moved-wallet'",
                "http://127.0.0.1:" + port + "/api/govs/" + gov + "/notices/x/acks", gov);
        ok(api.post(g + "/publications", "{}"));

        JsonNode notice = awaitNotice(n -> n.path("attempts").asInt() >= 2);
        JsonNode first = notice.path("attemptLog").get(0);
        assertThat(first.path("outcome").asText()).isEqualTo("RETRY");
        assertThat(first.path("httpStatus").isNull()).isTrue();
        assertThat(first.path("error").asText()).contains("target refused").contains("this service");
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void secrets_are_stored_sealed_and_notices_still_verify_with_the_integrator_s_secret() {
        String secret = register("acme-wallet", "/acme");
        List<String> stored = jdbc.queryForList("select secret from integrator_secret where gov = ?", String.class,
                gov);
        assertThat(stored).hasSize(1).allSatisfy(s -> assertThat(s).startsWith("enc:v1:").doesNotContain("whsec_")
                .doesNotContain(secret.substring("whsec_".length())));

        ok(api.post(g + "/publications", "{}"));
        assertThat(NoticesIT.verifies(awaitOne("/acme"), secret)).isTrue();
    }

    @Test
    void secrets_stored_in_clear_before_are_sealed_by_the_start_up_step() {
        String secret = register("acme-wallet", "/acme");
        jdbc.update("update integrator_secret set secret = ? where gov = ?", secret, gov);

        assertThat(secretsAtRest.sealAll()).isGreaterThanOrEqualTo(1);
        String sealed = jdbc.queryForObject("select secret from integrator_secret where gov = ?", String.class, gov);
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("whsec_");
        assertThat(secretsAtRest.sealAll()).as("a second run changes nothing").isZero();
        assertThat(jdbc.queryForObject("select secret from integrator_secret where gov = ?", String.class, gov))
                .isEqualTo(sealed);

        ok(api.post(g + "/publications", "{}"));
        assertThat(NoticesIT.verifies(awaitOne("/acme"), secret)).isTrue();
    }

    // ---- helpers

    private String status(JsonNode notice) {
        return jdbc.queryForObject("select status from notice where id = ?", String.class, notice.path("id").asText());
    }
}
