package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A write retried with its Idempotency-Key gets its first answer and appends nothing. */
class IdempotencyIT extends LiveApplication {

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void a_retried_write_answers_the_first_answer_and_appends_nothing() {
        String gov = govWithTwoLattices();
        String key = key();
        String body = "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}";
        long before = eventCount();

        Api.Reply first = api.post("/api/govs/" + gov + "/organisms", body, "Idempotency-Key", key);
        Api.Reply again = api.post("/api/govs/" + gov + "/organisms", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void an_answer_carrying_a_secret_is_stored_sealed_and_replayed_whole() {
        String gov = govWithTwoLattices();
        String key = key();
        String body = "{\"name\":\"sealed-wallet\",\"webhookUrl\":\"http://127.0.0.1:9/hook\"}";
        Api.Reply first = api.post("/api/govs/" + gov + "/integrators", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        String secret = first.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(first.header("Cache-Control")).contains("no-store");
        String stored = jdbc.queryForObject("select body from idempotent_request where idem_key = ?", String.class,
                key);
        assertThat(stored).doesNotContain(secret).doesNotContain("whsec_");

        Api.Reply retried = api.post("/api/govs/" + gov + "/integrators", body, "Idempotency-Key", key);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.header("Cache-Control")).contains("no-store");
        assertThat(retried.json().path("secret").asText()).isEqualTo(secret);

        String tokenKey = key();
        Api.Reply token = api.send("POST", "/api/admin/tokens", "{\"operator\":\"ivy\"}", "Authorization",
                "Bearer " + Api.ADMIN_TOKEN, "Idempotency-Key", tokenKey);
        assertThat(token.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select body from idempotent_request where idem_key = ?", String.class,
                tokenKey)).doesNotContain(token.json().path("token").asText());
    }

    @Test
    void a_refusal_is_replayed_too() {
        String gov = govWithTwoLattices();
        String key = key();
        Api.Reply first = api.post("/api/govs/" + gov + "/lattices", "{\"name\":\"base\",\"chainId\":1,\"fingerprint\":\""
                + fp(1) + "\"}", "Idempotency-Key", key);
        Api.Reply again = api.post("/api/govs/" + gov + "/lattices", "{\"name\":\"base\",\"chainId\":1,\"fingerprint\":\""
                + fp(1) + "\"}", "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(409);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void the_same_key_with_a_different_request_is_refused_with_422() {
        String gov = govWithTwoLattices();
        String key = key();
        api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}",
                "Idempotency-Key", key);
        long before = eventCount();

        Api.Reply other = api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"other-oracle\",\"fingerprint\":\""
                + fp(0x34) + "\"}", "Idempotency-Key", key);

        BadInputIT.assertProblem(other, 422, "Idempotency-Key");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void keys_belong_to_their_operator() {
        String gov = govWithTwoLattices();
        assertThat(api.post("/api/govs/" + gov + "/operators", "{\"operator\":\"bob\"}").status()).isEqualTo(201);
        String key = key();
        assertThat(api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"oracle-one\",\"fingerprint\":\"" + fp(0x33)
                + "\"}", "Idempotency-Key", key).status()).isEqualTo(201);
        assertThat(api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"oracle-two\",\"fingerprint\":\"" + fp(0x34)
                + "\"}", "Idempotency-Key", key, "X-Operator", "bob").status()).isEqualTo(201);
    }

    @Test
    void a_malformed_key_is_refused() {
        String gov = govWithTwoLattices();
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{}", "Idempotency-Key",
                "x".repeat(101)), 400, "Idempotency-Key");
    }
}
