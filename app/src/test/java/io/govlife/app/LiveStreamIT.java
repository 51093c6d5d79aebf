package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A console that keeps {@code /api/govs/{gov}/stream} open sees the gov now, then every change. */
class LiveStreamIT extends LiveApplication {

    @Test
    void the_stream_sends_the_current_state_then_each_change() throws Exception {
        String gov = govReadyToStream();

        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/govs/" + gov + "/stream"))
                .header("Accept", "text/event-stream").header("Authorization", api.bearer("alice")).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        Stream<String> lines = response.body();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> lines
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> received.add(json(line.substring(5)))));
        try {
            JsonNode initial = received.poll(20, TimeUnit.SECONDS);
            assertThat(initial).as("initial state").isNotNull();
            assertThat(initial.path("version").asLong()).isZero();

            assertThat(api.post("/api/govs/" + gov + "/organisms",
                    "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}").status()).isEqualTo(201);
            JsonNode update = received.poll(20, TimeUnit.SECONDS);
            assertThat(update).as("update after a write").isNotNull();
            assertThat(update.path("version").asLong()).isEqualTo(1);
            assertThat(update.path("draft").path("config").path("organisms").get(0).path("role").asText())
                    .isEqualTo("price-oracle");
        } finally {
            lines.close(); // closes the connection, so the server ends the stream
            reader.cancel(true);
        }
    }

    @Test
    void the_stream_ends_when_its_token_is_revoked() throws Exception {
        String gov = govReadyToStream();
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"watcher\"}");
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/govs/" + gov + "/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + issued.json().path("token").asText()).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> response.body()
                .filter(line -> line.startsWith("data:")).count());
        try {
            // the stream stays open while the token is good (two recheck intervals at least)
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> !ended.isDone());
            assertThat(api.asAdmin("DELETE", "/api/admin/tokens/" + issued.json().path("id").asText(), null)
                    .status()).isEqualTo(204);
            assertThat(ended.get(20, TimeUnit.SECONDS)).as("events received before the end").isEqualTo(1);
        } finally {
            response.body().close();
        }
    }

    @Test
    void the_stream_of_an_unknown_gov_is_a_404_problem() {
        Api.Reply reply = api.send("GET", "/api/govs/no.such.gov/stream", null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    /** A new gov, once the composition read model the stream starts from has it. */
    private String govReadyToStream() {
        String gov = uniqueGov();
        assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        awaitProjections();
        // wait for the gov there (before the projection status counted unread segments as caught up, a fresh
        // context answered the stream's first request with 404)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/govs/" + gov).status() == 200);
        return gov;
    }
}
