package io.govlife.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write sent with a stale {@code If-Match} is answered 412 before any rule is judged: the operator's view is out
 * of date, so a rule refusal (409, 422) would answer a question about a gov they have not seen. Each write below is
 * one the gov would also refuse by a rule, where it can be made so, to prove the order.
 */
class VersionCheckFirstIT extends LiveApplication {

    private static final String FUTURE = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
            .toString();

    private String g;
    private long version;

    /** A published gov with a confluence, a service, an integrator, a co-operator and a pending bump. */
    @BeforeEach
    void publishedGov() {
        String gov = govWithTwoLattices();
        g = "/api/govs/" + gov;
        ok(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}"));
        ok(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\"}"));
        ok(api.post(g + "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\"http://127.0.0.1:9/acme\"}"));
        ok(api.post(g + "/operators", "{\"operator\":\"olivia\"}"));
        ok(api.post(g + "/publications", "{}"));
        Api.Reply bumped = ok(api.post(g + "/citizens/zora/bumps", "{\"fingerprint\":\"" + fp(0x66)
                + "\",\"cutoverAt\":\"" + FUTURE + "\"}"));
        version = Long.parseLong(bumped.header("ETag").replace("\"", ""));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                // each of these is also refused by a rule: unchanged draft, taken names, a second pending bump
                Arguments.of("POST", "/publications", "{}"),
                Arguments.of("POST", "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + fp(0x11)
                        + "\"}"),
                Arguments.of("POST", "/organisms", "{\"role\":\"zora\",\"fingerprint\":\"" + fp(0x12) + "\"}"),
                Arguments.of("POST", "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x45)
                        + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}"),
                Arguments.of("POST", "/citizens/zora/bumps", "{\"fingerprint\":\"" + fp(0x67) + "\",\"cutoverAt\":\""
                        + FUTURE + "\"}"),
                Arguments.of("DELETE", "/citizens/zora", "{\"reason\":\"gone\"}"),
                Arguments.of("POST", "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\","
                        + "\"chainId\":7777777,\"fingerprint\":\"" + fp(0x23) + "\"},\"reason\":\"moved\"}"),
                Arguments.of("POST", "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\"http://127.0.0.1:9/b\"}"),
                Arguments.of("POST", "/operators", "{\"operator\":\"olivia\"}"),
                Arguments.of("DELETE", "/operators/nobody", null),
                Arguments.of("DELETE", "/services/PASSPORT", "{\"reason\":\"never shipped\"}"),
                Arguments.of("DELETE", "/integrators/nobody", null),
                Arguments.of("POST", "/confluences/bridge/confirmation", "{\"reason\":\"nothing changed\"}"),
                Arguments.of("POST", "/integrators/nobody/secret-rotation", null),
                // and these the gov would accept
                Arguments.of("PUT", "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x46)
                        + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"2\"}"),
                Arguments.of("PUT", "/services/ALMANAC", "{\"fingerprint\":\"" + fp(0x56) + "\"}"),
                Arguments.of("DELETE", "/services/ATLAS", "{\"reason\":\"withdrawn\"}"),
                Arguments.of("DELETE", "/citizens/zora/bumps/current", "{\"reason\":\"postponed\"}"),
                Arguments.of("POST", "/integrators/acme-wallet/secret-rotation", null),
                Arguments.of("DELETE", "/integrators/acme-wallet", null),
                Arguments.of("DELETE", "/operators/olivia", null),
                Arguments.of("POST", "/retirement", "{\"reason\":\"done\"}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void a_stale_if_match_is_answered_412_before_any_rule(String method, String path, String body) {
        long before = eventCount();

        Api.Reply reply = api.send(method, g + path, body, "If-Match", "\"" + (version - 1) + "\"");

        BadInputIT.assertProblem(reply, 412, "If-Match");
        assertThat(reply.json().path("type").asText()).endsWith("stale-version");
        assertThat(eventCount()).as("events after the refused write").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void an_if_match_ahead_of_the_gov_is_answered_412_too(String method, String path, String body) {
        long before = eventCount();

        Api.Reply reply = api.send(method, g + path, body, "If-Match", "\"" + (version + 1) + "\"");

        BadInputIT.assertProblem(reply, 412, "If-Match");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as("set-up call answered %s", reply).isBetween(200, 299);
        return reply;
    }
}
