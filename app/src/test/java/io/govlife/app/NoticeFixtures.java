package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the notice suites: a fresh SERVICE gov with a {@code price-oracle} organism, a real webhook receiver on
 * loopback for its integrators, and the ways to wait for what they are told. Adds no configuration of its own, so
 * the application context stays the one every {@link LiveApplication} shares.
 */
abstract class NoticeFixtures extends LiveApplication {

    protected WebhookReceiver receiver;
    protected String gov;
    /** The gov's API path. */
    protected String g;

    @BeforeEach
    void serviceGovAndReceiver() {
        receiver = new WebhookReceiver();
        gov = uniqueGov();
        g = "/api/govs/" + gov;
        serviceGovWithOracle(api, gov);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A SERVICE gov with one organism, {@code price-oracle} (0x33 bytes); each write answered 201. */
    static void serviceGovWithOracle(Api api, String gov) {
        created(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}"));
        created(api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\""
                + fp(0x33) + "\"}"));
    }

    /** That gov, with integrator {@code acme-wallet} at the receiver's {@code /acme}, then published. */
    static void publishedWithAcmeWallet(Api api, String gov, WebhookReceiver receiver) {
        serviceGovWithOracle(api, gov);
        created(api.post("/api/govs/" + gov + "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\""
                + receiver.url("/acme") + "\"}"));
        created(api.post("/api/govs/" + gov + "/publications", "{}"));
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as("set-up call answered %s", reply).isEqualTo(201);
    }

    /** Registers an integrator whose webhook is {@code path} on the receiver; returns its secret. */
    protected String register(String name, String path) {
        Api.Reply reply = ok(api.post(g + "/integrators", "{\"name\":\"" + name + "\",\"webhookUrl\":\""
                + receiver.url(path) + "\"}"));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().path("secret").asText();
    }

    /** An integrator at {@code path} that answers 400 to everything, a publication, and its notice once FAILED. */
    protected JsonNode aFailedNotice(String integrator, String path) {
        register(integrator, path);
        receiver.answer(path, 400);
        ok(api.post(g + "/publications", "{}"));
        return awaitNotice(n -> "FAILED".equals(n.path("status").asText()));
    }

    protected static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as("call answered %s", reply).isBetween(200, 299);
        return reply;
    }

    /** The first request the receiver gets at {@code path}. */
    protected WebhookReceiver.Received awaitOne(String path) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.at(path).isEmpty());
        return receiver.at(path).get(0);
    }

    /** The first notice of that kind the receiver gets at {@code path}. */
    protected JsonNode awaitNoticeBody(String path, String kind) {
        return awaitNoticeBody(path, body -> kind.equals(body.path("kind").asText()));
    }

    protected JsonNode awaitNoticeBody(String path, Predicate<JsonNode> wanted) {
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(path).stream()
                    .map(r -> json(r.body())).filter(wanted).findFirst().orElse(null), Objects::nonNull);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("no such notice at " + path + "; received " + receiver.at(path).stream()
                    .map(WebhookReceiver.Received::body).toList() + "; notices " + get(g + "/notices").body()
                    + "; history " + get(g + "/history?size=200").body(), timeout);
        }
    }

    /** The gov's notices as that operator sees them: null until the notices' authority knows the gov's operators. */
    protected JsonNode noticesOnceKnown(String ofGov, String operator) {
        Api.Reply reply = api.send("GET", "/api/govs/" + ofGov + "/notices?size=200", null, "X-Operator", operator);
        return reply.status() == 200 ? reply.json() : null;
    }

    /** Polls the owner's list of the gov's notices (the first calls may come before its operators are known). */
    protected JsonNode awaitNotice(Predicate<JsonNode> wanted) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode listed = noticesOnceKnown(gov, "alice");
            Iterable<JsonNode> items = listed == null ? List.of() : listed.path("items");
            for (JsonNode notice : items) {
                if (wanted.test(notice)) {
                    return notice;
                }
            }
            return null;
        }, Objects::nonNull);
    }
}
