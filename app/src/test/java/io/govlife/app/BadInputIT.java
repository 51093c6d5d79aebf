package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of bad input answers problem+json with the right status, names the field at fault, shows no
 * internals, and appends nothing to the event log.
 */
class BadInputIT extends LiveApplication {

    private String gov;

    @BeforeEach
    void aGov() {
        gov = govWithTwoLattices();
    }

    static Stream<Arguments> badBodies() {
        String lattice = "/api/govs/{gov}/lattices";
        String confluences = "/api/govs/{gov}/confluences";
        String bumps = "/api/govs/{gov}/citizens/base/bumps";
        return Stream.of(
                Arguments.of("malformed JSON", "POST", lattice, "{\"name\": \"x\",", 400, "body"),
                Arguments.of("trailing garbage", "POST", lattice,
                        "{\"name\":\"op\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\"} {}", 400, "body"),
                Arguments.of("duplicate keys", "POST", lattice,
                        "{\"name\":\"opx\",\"name\":\"opy\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\"}", 400,
                        "body"),
                Arguments.of("unknown field", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\",\"colour\":\"red\"}", 400,
                        "colour"),
                Arguments.of("wrong type", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":\"ten\",\"fingerprint\":\"" + fp(1) + "\"}", 400, "chainId"),
                Arguments.of("string for a number", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":\"10\",\"fingerprint\":\"" + fp(1) + "\"}", 400, "chainId"),
                Arguments.of("bad citizen name", "POST", lattice,
                        "{\"name\":\"Op Mainnet\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\"}", 400, "name"),
                Arguments.of("bad fingerprint", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":10,\"fingerprint\":\"ABC\"}", 400, "fingerprint"),
                Arguments.of("missing field", "POST", lattice, "{\"name\":\"opx\",\"chainId\":10}", 400,
                        "fingerprint"),
                Arguments.of("non-positive chain id", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":0,\"fingerprint\":\"" + fp(1) + "\"}", 400, "chainId"),
                Arguments.of("array for an object", "POST", lattice, "[1,2]", 400, "body"),
                Arguments.of("no body", "POST", lattice, "", 400, "body"),
                Arguments.of("bad span name", "POST", confluences,
                        "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(4) + "\",\"spans\":[\"base\",\"ZORA\"],"
                                + "\"stateMachineVersion\":\"1\"}", 400, "spans[1]"),
                Arguments.of("bad MR_TD pin", "POST", confluences,
                        "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(4) + "\",\"spans\":[\"base\",\"zora\"],"
                                + "\"stateMachineVersion\":\"1\",\"mrtdPins\":[\"00\"]}", 400, "mrtdPins[0]"),
                Arguments.of("bad instant", "POST", bumps,
                        "{\"fingerprint\":\"" + fp(9) + "\",\"cutoverAt\":\"tomorrow\"}", 400, "cutoverAt"),
                Arguments.of("reason too long", "POST", lattice,
                        "{\"name\":\"opx\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\",\"reason\":\""
                                + "x".repeat(501) + "\"}", 400, "reason"),
                Arguments.of("replacement of two kinds at once", "POST", "/api/govs/{gov}/citizens/base/replacement",
                        "{\"lattice\":{\"name\":\"base\",\"chainId\":1,\"fingerprint\":\"" + fp(1) + "\"},"
                                + "\"organism\":{\"role\":\"base\",\"fingerprint\":\"" + fp(1) + "\"}}", 400,
                        "replacement"),
                Arguments.of("bad service kind", "PUT", "/api/govs/{gov}/services/ORACLE",
                        "{\"fingerprint\":\"" + fp(5) + "\"}", 400, "service"),
                Arguments.of("bad gov name in the path", "POST", "/api/govs/Not A Gov/lattices".replace(" ", "%20"),
                        "{\"name\":\"opx\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\"}", 400, "gov"),
                Arguments.of("unknown gov", "POST", "/api/govs/no.such.gov/lattices",
                        "{\"name\":\"opx\",\"chainId\":10,\"fingerprint\":\"" + fp(1) + "\"}", 404, "gov"),
                Arguments.of("unknown citizen", "DELETE", "/api/govs/{gov}/citizens/nobody", "{}", 404, "citizen"),
                Arguments.of("duplicate citizen", "POST", "/api/govs/{gov}/organisms",
                        "{\"role\":\"zora\",\"fingerprint\":\"" + fp(3) + "\"}", 409, "role"),
                Arguments.of("confluence spanning one citizen", "POST", confluences,
                        "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(4) + "\",\"spans\":[\"base\"],"
                                + "\"stateMachineVersion\":\"1\"}", 422, "spans"),
                Arguments.of("bump of an unpublished citizen", "POST", bumps,
                        "{\"fingerprint\":\"" + fp(9) + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}", 409, "citizen"),
                Arguments.of("withdrawing a service not shipped", "DELETE", "/api/govs/{gov}/services/PASSPORT", null,
                        404, "service"),
                Arguments.of("cancelling a bump that is not pending", "DELETE",
                        "/api/govs/{gov}/citizens/base/bumps/current", null, 404, "citizen"));
    }

    @ParameterizedTest(name = "{0} → {4} on {5}")
    @MethodSource("badBodies")
    void bad_input_is_refused_with_a_problem_naming_the_field_and_changes_nothing(
            String label, String method, String path, String body, int status, String field) {
        long before = eventCount();

        Api.Reply reply = api.send(method, path.replace("{gov}", gov), body);

        assertProblem(reply, status, field);
        assertThat(eventCount()).as("events after %s", label).isEqualTo(before);
    }

    @Test
    void a_write_without_a_token_is_refused() {
        long before = eventCount();
        Api.Reply reply = api.post("/api/govs/" + gov + "/publications", "{}", "-X-Operator");
        assertProblem(reply, 401, "Authorization");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_malformed_if_match_is_refused() {
        Api.Reply reply = api.post("/api/govs/" + gov + "/publications", "{}", "If-Match", "version-two");
        assertProblem(reply, 400, "If-Match");
    }

    @Test
    void a_stale_if_match_gets_412_and_appends_nothing() {
        long before = eventCount();
        Api.Reply reply = api.post("/api/govs/" + gov + "/publications", "{}", "If-Match", "\"1\"");
        assertProblem(reply, 412, "If-Match");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_body_declared_over_the_cap_gets_413() {
        String huge = "{\"name\":\"" + "a".repeat(70_000) + "\"}";
        Api.Reply reply = api.post("/api/govs", huge);
        assertProblem(reply, 413, "body");
    }

    @Test
    void a_streamed_body_over_the_cap_gets_413() {
        byte[] huge = ("{\"name\":\"" + "a".repeat(70_000) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/govs"))
                .header("Content-Type", "application/json").header("Authorization", api.bearer("alice"))
                // a stream of unknown length goes out chunked, with no Content-Length to check up front
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();
        assertProblem(api.send(request), 413, "body");
    }

    @Test
    void a_wrong_media_type_gets_415_as_a_problem() {
        Api.Reply reply = api.post("/api/govs", "name=x", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_path_gets_404_as_a_problem() {
        Api.Reply reply = api.post("/api/nothing-here", "{}");
        assertProblem(reply, 404, "path");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:govlife:problem:not-found");
    }

    /** Spring's own 415 (no Content-Type at all) in the same format as the filter's (a wildcard Content-Type). */
    @Test
    void a_write_without_a_content_type_is_415_naming_the_header() {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/govs/" + gov + "/publications"))
                .header("Authorization", api.bearer("alice"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"notes\":\"n\"}"));
        Api.Reply none = api.send(request.build());
        Api.Reply wildcard = api.send(request.header("Content-Type", "*/*").build());
        assertProblem(none, 415, "Content-Type");
        assertProblem(wildcard, 415, "Content-Type");
        assertThat(none.json().path("type").asText()).isEqualTo(wildcard.json().path("type").asText())
                .isEqualTo("urn:govlife:problem:unsupported-media-type");
        assertThat(none.json().path("title").asText()).isEqualTo(wildcard.json().path("title").asText());
    }

    /** A gov nobody created is the same refusal whether a console reads it or writes to it. */
    @Test
    void an_unknown_gov_is_the_same_problem_on_reads_and_writes() {
        Api.Reply read = get("/api/govs/no.such.gov");
        Api.Reply write = api.post("/api/govs/no.such.gov/publications", "{\"notes\":\"n\"}");
        assertProblem(read, 404, "gov");
        assertProblem(write, 404, "gov");
        for (String member : new String[] {"type", "title", "rule", "detail"}) {
            assertThat(read.json().path(member).asText()).as(member).isEqualTo(write.json().path(member).asText());
        }
        assertThat(read.json().path("type").asText()).isEqualTo("urn:govlife:rule:gov-not-found");
    }

    /** Spring Security's refusal is written outside Spring MVC and still says which request it answers. */
    @Test
    void a_missing_token_is_a_401_problem_with_its_instance() {
        Api.Reply reply = api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"n\"}", "-X-Operator");
        assertProblem(reply, 401, "Authorization");
        assertThat(reply.json().path("instance").asText()).isEqualTo("/api/govs/" + gov + "/publications");
    }

    static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:govlife:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).as("instance of %s", reply).startsWith("/");
        assertThat(problem.path("errors").findValuesAsText("field")).as("fields of %s", reply).contains(field);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.govlife.");
    }
}
