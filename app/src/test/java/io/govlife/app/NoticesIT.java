package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Integrators, notices and the bump saga against a real HTTP receiver on loopback. */
class NoticesIT extends NoticeFixtures {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.queryhandling.QueryGateway queries;
    @org.springframework.beans.factory.annotation.Autowired
    io.govlife.saga.notices.WebhookTargetPolicy targets;
    @org.springframework.beans.factory.annotation.Autowired
    io.govlife.saga.notices.NoticeKeys keys;
    @org.springframework.beans.factory.annotation.Autowired
    io.govlife.saga.notices.AckTokens ackTokens;

    @Test
    void notices_are_signed_per_standard_webhooks_and_verify_with_the_secret() {
        String secret = register("acme-wallet", "/acme");
        assertThat(secret).startsWith("whsec_");
        ok(api.post(g + "/publications", "{}"));

        WebhookReceiver.Received notice = awaitOne("/acme");
        assertThat(verifies(notice, secret)).isTrue();
        assertThat(verifies(notice, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
        JsonNode body = json(notice.body());
        assertThat(body.path("gov").asText()).isEqualTo(gov);
        assertThat(body.path("kind").asText()).isEqualTo("PUBLICATION");
        assertThat(body.path("newGovFingerprint").asText()).hasSize(64);
        assertThat(body.path("changelog").asText()).endsWith("/api/govs/" + gov + "/changelog");
        assertThat(notice.header("webhook-id")).isEqualTo(body.path("id").asText());
    }

    @Test
    void a_receiver_failing_then_answering_gets_the_notice_once_with_the_same_id() {
        register("acme-wallet", "/flaky");
        receiver.answer("/flaky", 500, 503);
        ok(api.post(g + "/publications", "{}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky").size() >= 3);
        List<WebhookReceiver.Received> attempts = receiver.at("/flaky");
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        JsonNode notice = awaitNotice(n -> "DELIVERED".equals(n.path("status").asText()));
        assertThat(notice.path("attempts").asInt()).isEqualTo(3);
        assertThat(notice.path("attemptLog").findValuesAsText("outcome")).containsExactly("RETRY", "RETRY",
                "DELIVERED");
        assertThat(notice.path("attemptLog").get(0).path("httpStatus").asInt()).isEqualTo(500);
        // and nothing more arrives: exactly one successful delivery
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.at("/flaky").size() == 3);
    }

    @Test
    void a_receiver_answering_410_is_disabled_and_gets_nothing_more() {
        register("gone-wallet", "/gone");
        receiver.answer("/gone", 410);
        ok(api.post(g + "/publications", "{}"));

        JsonNode failed = awaitNotice(n -> "FAILED".equals(n.path("status").asText()));
        assertThat(failed.path("attemptLog").get(0).path("outcome").asText()).isEqualTo("GONE");
        await().atMost(Duration.ofSeconds(10)).until(() -> get(g + "/history?type=IntegratorEndpointDisabled")
                .json().path("total").asLong() == 1);
        ok(api.post(g + "/organisms", "{\"role\":\"second-oracle\",\"fingerprint\":\"" + fp(0x34) + "\"}"));
        ok(api.post(g + "/publications", "{}"));
        awaitProjections();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.at("/gone").size() == 1);
        assertThat(get(g + "/notices").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void an_operator_redelivers_a_failed_notice() {
        JsonNode failed = aFailedNotice("strict-wallet", "/strict");

        Api.Reply redelivery = api.post(g + "/notices/" + failed.path("id").asText() + "/redelivery", null);
        assertThat(redelivery.status()).isEqualTo(200);
        JsonNode delivered = awaitNotice(n -> "DELIVERED".equals(n.path("status").asText()));
        assertThat(delivered.path("id").asText()).isEqualTo(failed.path("id").asText());
        assertThat(receiver.at("/strict")).hasSize(2);
        BadInputIT.assertProblem(api.post(g + "/notices/" + failed.path("id").asText() + "/redelivery", null), 409,
                "noticeId");
    }

    @Test
    void a_bump_cuts_over_on_time_and_publishes_what_integrators_were_told() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/publications", "{}"));
        Instant cutoverAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        bumpPriceOracle(cutoverAt);

        JsonNode advance = awaitNoticeBody("/acme", "BUMP_SCHEDULED");
        assertThat(advance.path("cutoverAt").asText()).isEqualTo(cutoverAt.toString());
        String told = advance.path("newGovFingerprint").asText();

        JsonNode publication = awaitNoticeBody("/acme", b -> "PUBLICATION".equals(b.path("kind").asText())
                && b.path("revision").asLong() == 2);
        assertThat(publication.path("newGovFingerprint").asText()).isEqualTo(told);
        assertThat(publication.path("citizen").asText()).isEqualTo("price-oracle");
        awaitProjections();
        JsonNode revisions = get(g + "/revisions").json();
        Instant publishedAt = Instant.parse(revisions.get(1).path("publishedAt").asText());
        assertThat(publishedAt).isAfterOrEqualTo(cutoverAt).isBefore(cutoverAt.plusSeconds(10));
        assertThat(get(g + "/config").header("ETag")).isEqualTo("\"" + told + "\"");
    }

    @Test
    void reminders_go_only_to_integrators_that_have_not_acknowledged() {
        register("acks-wallet", "/acks");
        register("silent-wallet", "/silent");
        ok(api.post(g + "/publications", "{}"));
        // reminder 6 h before cutover: cutover 6 h and 4 s ahead puts the reminder 4 s from now
        Instant cutoverAt = Instant.now().plus(Duration.ofHours(6)).plusSeconds(4);
        bumpPriceOracle(cutoverAt);
        JsonNode advance = awaitNoticeBody("/acks", "BUMP_SCHEDULED");
        awaitNoticeBody("/silent", "BUMP_SCHEDULED");

        // who may read the gov's notices is a read model of its own: it may trail the saga by a moment
        await().atMost(Duration.ofSeconds(10)).until(() -> get(g + "/notices").json().path("pendingBumps").size() == 1);
        JsonNode risk = get(g + "/notices").json().path("pendingBumps").get(0);
        assertThat(risk.path("unacknowledged").findValuesAsText("")).isEmpty();
        assertThat(texts(risk.path("unacknowledged"))).containsExactly("acks-wallet", "silent-wallet");

        Api.Reply ack = api.post(g + "/notices/" + advance.path("id").asText() + "/acks",
                "{\"integrator\":\"acks-wallet\",\"token\":\"" + advance.path("ackToken").asText() + "\"}",
                "-X-Operator");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(texts(get(g + "/notices").json().path("pendingBumps").get(0).path("unacknowledged")))
                .containsExactly("silent-wallet");

        awaitNoticeBody("/silent", "BUMP_REMINDER");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.at("/acks").stream()
                .noneMatch(r -> r.body().contains("BUMP_REMINDER")));
    }

    @Test
    void retiring_tells_the_integrators_told_of_each_pending_bump_that_it_is_cancelled_naming_it() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/publications", "{}"));
        Instant cutoverAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        bumpPriceOracle(cutoverAt);
        JsonNode advance = awaitNoticeBody("/acme", "BUMP_SCHEDULED");
        register("late-wallet", "/late"); // registered after the bump was announced: never told of it

        ok(api.post(g + "/retirement", "{\"reason\":\"superseded by a new gov\"}"));

        JsonNode cancellation = awaitNoticeBody("/acme", "BUMP_CANCELLED");
        assertThat(cancellation.path("citizen").asText()).isEqualTo("price-oracle");
        assertThat(cancellation.path("citizenFingerprint").asText()).isEqualTo(fp(0x99));
        assertThat(cancellation.path("cutoverAt").asText()).isEqualTo(cutoverAt.toString());
        assertThat(cancellation.path("oldGovFingerprint").asText())
                .isEqualTo(advance.path("oldGovFingerprint").asText());
        assertThat(cancellation.path("ackToken").asText()).isNotBlank();
        awaitNoticeBody("/late", "RETIREMENT");
        awaitProjections();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.at("/late").stream()
                .noneMatch(r -> r.body().contains("BUMP_CANCELLED")));
        assertThat(receiver.at("/acme").stream().filter(r -> r.body().contains("BUMP_CANCELLED"))).hasSize(1);
    }

    @Test
    void a_revised_notice_after_another_publication_names_the_root_published_then() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/publications", "{}"));
        bumpPriceOracle(Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));
        JsonNode advance = awaitNoticeBody("/acme", "BUMP_SCHEDULED");

        ok(api.post(g + "/organisms", "{\"role\":\"second-oracle\",\"fingerprint\":\"" + fp(0x34) + "\"}"));
        ok(api.post(g + "/publications", "{}"));

        JsonNode second = awaitNoticeBody("/acme", b -> "PUBLICATION".equals(b.path("kind").asText())
                && b.path("revision").asLong() == 2);
        JsonNode revised = awaitNoticeBody("/acme", "BUMP_REVISED");
        assertThat(revised.path("oldGovFingerprint").asText())
                .isEqualTo(second.path("newGovFingerprint").asText())
                .isNotEqualTo(advance.path("oldGovFingerprint").asText());
        assertThat(revised.path("newGovFingerprint").asText())
                .isNotEqualTo(advance.path("newGovFingerprint").asText());
    }

    @Test
    void a_blocked_cutover_tells_the_integrators_what_it_awaits_and_publishes_once_the_upgrade_is_recorded() {
        ok(api.post(g + "/organisms", "{\"role\":\"second-oracle\",\"fingerprint\":\"" + fp(0x34) + "\"}"));
        ok(api.post(g + "/confluences", "{\"name\":\"oracle-bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"price-oracle\",\"second-oracle\"],\"stateMachineVersion\":\"1\"}"));
        ok(api.post(g + "/publications", "{}"));
        register("acme-wallet", "/acme");
        Instant cutoverAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        bumpPriceOracle(cutoverAt);
        JsonNode advance = awaitNoticeBody("/acme", "BUMP_SCHEDULED");
        awaitProjections();
        assertThat(get("/govs/" + gov).body()).contains("id=\"cutovers\"").doesNotContain("blocked-cutovers");

        JsonNode blocked = awaitNoticeBody("/acme", "BUMP_BLOCKED");
        awaitProjections();
        String page = get("/govs/" + gov).body();
        assertThat(page).contains("id=\"blocked-cutovers\"");
        assertThat(page.substring(page.indexOf("id=\"blocked-cutovers\""))).contains("price-oracle")
                .contains("oracle-bridge").contains(cutoverAt.toString());
        assertThat(blocked.path("citizen").asText()).isEqualTo("price-oracle");
        assertThat(texts(blocked.path("awaiting"))).containsExactly("oracle-bridge");
        assertThat(blocked.path("citizenFingerprint").asText()).isEqualTo(fp(0x99));
        assertThat(blocked.path("oldGovFingerprint").asText()).isEqualTo(advance.path("oldGovFingerprint").asText());
        Api.Reply ack = api.post(g + "/notices/" + blocked.path("id").asText() + "/acks",
                "{\"integrator\":\"acme-wallet\",\"token\":\"" + blocked.path("ackToken").asText() + "\"}",
                "-X-Operator");
        assertThat(ack.status()).as("%s", ack).isEqualTo(200);

        ok(api.put(g + "/confluences/oracle-bridge", "{\"fingerprint\":\"" + fp(0x45)
                + "\",\"spans\":[\"price-oracle\",\"second-oracle\"],\"stateMachineVersion\":\"2\"}"));
        JsonNode publication = awaitNoticeBody("/acme", b -> "PUBLICATION".equals(b.path("kind").asText())
                && b.path("revision").asLong() == 2);
        assertThat(publication.path("citizen").asText()).isEqualTo("price-oracle");
        assertThat(receiver.at("/acme").stream().filter(r -> r.body().contains("BUMP_BLOCKED"))).hasSize(1);
        awaitProjections();
        assertThat(get("/govs/" + gov).body()).doesNotContain("blocked-cutovers");
    }

    @Test
    void a_rotated_secret_overlaps_the_old_one() {
        String old = register("acme-wallet", "/acme");
        Api.Reply rotation = ok(api.post(g + "/integrators/acme-wallet/secret-rotation", null));
        String rotated = rotation.json().path("secret").asText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(old);
        ok(api.post(g + "/publications", "{}"));

        WebhookReceiver.Received notice = awaitOne("/acme");
        assertThat(notice.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(notice, old)).isTrue();
        assertThat(verifies(notice, rotated)).isTrue();
    }

    @Test
    void two_delivery_workers_on_one_database_never_make_the_same_attempt() throws Exception {
        for (int i = 0; i < 5; i++) {
            register("wallet-" + i, "/race-" + i);
        }
        io.govlife.saga.notices.NoticeDelivery second = new io.govlife.saga.notices.NoticeDelivery(jdbc,
                java.time.Clock.systemUTC(), new io.govlife.saga.notices.WebhookPolicy(Duration.ofSeconds(1),
                Duration.ofHours(1)), targets, keys, commands, queries, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ok(api.post(g + "/publications", "{}"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // the application's own worker polls too: three workers race for the same five notices
            for (int round = 0; round < 20; round++) {
                pool.invokeAll(List.of(java.util.concurrent.Executors.callable(second::deliverDue),
                        java.util.concurrent.Executors.callable(second::deliverDue)));
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get(g + "/notices").json().path("items").findValuesAsText(
                "status").stream().filter("DELIVERED"::equals).count() == 5);
        for (int i = 0; i < 5; i++) {
            assertThat(receiver.at("/race-" + i)).as("deliveries to wallet-%s", i).hasSize(1);
        }
    }

    @Test
    void webhook_urls_outside_the_allow_list_are_refused() {
        long before = eventCount();
        BadInputIT.assertProblem(api.post(g + "/integrators",
                "{\"name\":\"far-wallet\",\"webhookUrl\":\"https://hooks.example.org/x\"}"), 400, "webhookUrl");
        BadInputIT.assertProblem(api.post(g + "/integrators",
                "{\"name\":\"ftp-wallet\",\"webhookUrl\":\"ftp://127.0.0.1/x\"}"), 400, "webhookUrl");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_integrator_unregisters() {
        register("acme-wallet", "/acme");
        assertThat(api.delete(g + "/integrators/acme-wallet", null).status()).isEqualTo(200);
        BadInputIT.assertProblem(api.delete(g + "/integrators/acme-wallet", null), 404, "integrator");
        BadInputIT.assertProblem(api.post(g + "/notices/msg_nope/acks", "{\"integrator\":\"acme-wallet\"}"), 403,
                "token");
        BadInputIT.assertProblem(api.post(g + "/notices/msg_nope/acks", "{\"integrator\":\"acme-wallet\",\"token\":\""
                + ackTokens.issue(gov, "msg_nope", "acme-wallet") + "\"}"), 404, "noticeId");
        BadInputIT.assertProblem(get("/api/govs/no.such.gov/notices"), 404, "gov");
    }

    // ---- helpers

    /** Schedules a bump of {@code price-oracle} to the fingerprint of 0x99 bytes. */
    private void bumpPriceOracle(Instant cutoverAt) {
        ok(api.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\"" + fp(0x99) + "\",\"cutoverAt\":\""
                + cutoverAt + "\"}"));
    }

    /** Standard Webhooks verification, the way a receiver does it (README shows the same). */
    static boolean verifies(WebhookReceiver.Received notice, String secret) {
        String signed = notice.header("webhook-id") + "." + notice.header("webhook-timestamp") + "." + notice.body();
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmac(signed));
        return Arrays.asList(notice.header("webhook-signature").split(" ")).contains(expected);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
