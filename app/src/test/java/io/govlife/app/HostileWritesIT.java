package io.govlife.app;

import io.govlife.GovlifeApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever malformed or hostile body and headers reach any write endpoint, the answer is never a 5xx,
 * never shows internals, and a refused write leaves the event log exactly as it was.
 */
class HostileWritesIT {

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static final String GOV = "hostile.gov";

    record Endpoint(String method, String path) {
    }

    record Attack(Endpoint endpoint, String body, String operator, String ifMatch, String idempotencyKey,
                  String contentType) {
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(GovlifeApplication.class).run("--server.port=0", "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.data-dir=" + LiveApplication.freshDataDir(), "--logging.level.root=error");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcTemplate.class);
        String g = "/api/govs/" + GOV;
        api.post("/api/govs", "{\"name\":\"" + GOV + "\",\"archetype\":\"ECOSYSTEM\"}");
        api.post(g + "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + LiveApplication.fp(1) + "\"}");
        api.post(g + "/lattices", "{\"name\":\"zora\",\"chainId\":7777777,\"fingerprint\":\"" + LiveApplication.fp(2)
                + "\"}");
        api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + LiveApplication.fp(4)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}");
        api.post(g + "/publications", "{}");
    }

    @AfterContainer
    static void stop() {
        if (app != null) { // a failed start is reported by BeforeContainer, not hidden behind a NullPointerException
            app.close();
        }
    }

    @Property(tries = 300)
    void hostile_writes_are_refused_cleanly_and_change_nothing(@ForAll("attacks") Attack attack) {
        long before = events();
        List<String> headers = new ArrayList<>(List.of("Content-Type", attack.contentType()));
        if (attack.operator() != null) {
            headers.addAll(List.of("Authorization", attack.operator().equals("alice") ? api.bearer("alice")
                    : attack.operator()));
        } else {
            headers.add("-X-Operator");
        }
        if (attack.ifMatch() != null) {
            headers.addAll(List.of("If-Match", attack.ifMatch()));
        }
        if (attack.idempotencyKey() != null) {
            headers.addAll(List.of("Idempotency-Key", attack.idempotencyKey()));
        }

        Api.Reply reply = api.send(attack.endpoint().method(), attack.endpoint().path(), attack.body(),
                headers.toArray(String[]::new));

        assertThat(reply.status()).as("%s → %s", attack, reply).isLessThan(500);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.govlife.");
        if (reply.status() >= 400) {
            assertThat(events()).as("events after refused %s", attack).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Attack> attacks() {
        String g = "/api/govs/" + GOV;
        Arbitrary<Endpoint> endpoints = Arbitraries.of(
                new Endpoint("POST", "/api/govs"), new Endpoint("POST", g + "/lattices"),
                new Endpoint("POST", g + "/organisms"), new Endpoint("POST", g + "/confluences"),
                new Endpoint("PUT", g + "/confluences/bridge"), new Endpoint("DELETE", g + "/citizens/base"),
                new Endpoint("POST", g + "/citizens/base/replacement"), new Endpoint("PUT", g + "/services/ATLAS"),
                new Endpoint("DELETE", g + "/services/ATLAS"), new Endpoint("POST", g + "/publications"),
                new Endpoint("POST", g + "/citizens/base/bumps"),
                new Endpoint("DELETE", g + "/citizens/base/bumps/current"),
                new Endpoint("POST", g + "/integrators"), new Endpoint("DELETE", g + "/integrators/acme-wallet"),
                new Endpoint("POST", g + "/integrators/acme-wallet/secret-rotation"),
                new Endpoint("POST", g + "/notices/msg_x/acks"), new Endpoint("POST", g + "/notices/msg_x/redelivery"),
                new Endpoint("POST", g + "/operators"), new Endpoint("DELETE", g + "/operators/bob"),
                new Endpoint("POST", "/api/admin/tokens"),
                new Endpoint("POST", "/api/govs/%2e%2e/lattices"), new Endpoint("PUT", g + "/services/atlas%00"));
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120);
        // "alice" stands for her valid token; anything else is sent as the raw Authorization header
        Arbitrary<String> operators = Arbitraries.oneOf(Arbitraries.just("alice"), Arbitraries.just("alice"),
                printable.injectNull(0.2), printable.map(p -> "Bearer " + p));
        Arbitrary<String> contentTypes = Arbitraries.oneOf(Arbitraries.of("application/json",
                "application/json; charset=utf-16", "text/plain", "application/xml", "*/*"), printable);
        return Combinators.combine(endpoints, bodies(), operators, printable.injectNull(0.6),
                        printable.injectNull(0.7), contentTypes)
                .as(Attack::new);
    }

    private Arbitrary<String> bodies() {
        Arbitrary<String> fieldNames = Arbitraries.of("name", "role", "chainId", "fingerprint", "spans",
                "stateMachineVersion", "mrtdPins", "archetype", "description", "reason", "notes", "cutoverAt",
                "docsUrl", "webhookUrl", "integrator", "lattice", "organism", "kind", "__proto__", "");
        Arbitrary<String> hostileValues = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80).map(HostileWritesIT::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "1e999999", "-0", "\"" + "a".repeat(5000) + "\"",
                        "\"ethereum.superchain\"", "\"" + LiveApplication.fp(9) + "\"", "[\"base\",\"zora\"]",
                        "\"2099-01-01T00:00:00Z\"", "\"ECOSYSTEM\"", "\"http://127.0.0.1/x\"", "\"\\u0000\"",
                        "{\"name\":\"base\",\"chainId\":1,\"fingerprint\":\"" + LiveApplication.fp(7) + "\"}"));
        Arbitrary<String> objects = Combinators.combine(fieldNames, hostileValues).as((k, v) -> quote(k) + ":" + v)
                .list().ofMaxSize(8).map(pairs -> "{" + String.join(",", pairs) + "}");
        return Arbitraries.oneOf(
                objects,
                objects.map(o -> o + " trailing"),
                objects.map(o -> o.substring(0, o.length() / 2)),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.just("{\"name\":\"a\",\"name\":\"b\"}"),
                Arbitraries.just("\"" + "x".repeat(70_000) + "\""),
                Arbitraries.just(""));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
