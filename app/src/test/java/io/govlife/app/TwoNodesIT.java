package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL database, as in production behind a load balancer: commands spread over
 * both, one gov written from both at once and from one after the other (neither decides on a gov it loaded
 * before the other changed it), read models fed by segments split across the nodes, notices attempted
 * once, and one node stopped mid-stream while the other takes over its segments and fires its pending cutover.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Api a;
    private static Api b;
    private static JdbcTemplate db;

    @BeforeAll
    static void start() {
        String url = PostgresServer.freshDatabase();
        nodeA = node("node-a", url);
        nodeB = node("node-b", url);
        a = new Api(port(nodeA));
        b = new Api(port(nodeB));
        db = nodeB.getBean(JdbcTemplate.class); // node B stays up to the end
    }

    @AfterAll
    static void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    @Order(1)
    void each_processor_s_segments_are_split_between_the_two_nodes() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ownersPerProcessor())
                .isNotEmpty()
                .allSatisfy((processor, owners) -> assertThat(owners).as(processor)
                        .containsExactlyInAnyOrder("node-a", "node-b")));
    }

    @Test
    @Order(2)
    void concurrent_writes_to_one_gov_from_both_nodes_lose_nothing_and_duplicate_nothing() throws Exception {
        String gov = "two.nodes";
        assertThat(a.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status()).isEqualTo(201);

        List<Api.Reply> replies = Concurrently.run(16, i -> (i % 2 == 0 ? a : b).post("/api/govs/" + gov
                + "/organisms", "{\"role\":\"organism-" + i + "\",\"fingerprint\":\"" + LiveApplication.fp(0x40 + i) + "\"}"));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(201, 409));
        List<Api.Reply> accepted = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(accepted).isNotEmpty();
        long events = db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, gov);
        assertThat(events).isEqualTo(1 + accepted.size());
        assertThat(db.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, gov)).isEqualTo(events - 1);
        assertThat(accepted.stream().map(r -> r.header("ETag")).distinct()).hasSize(accepted.size());

        // every acknowledged write is in the read model, read through either node
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        for (Api node : List.of(a, b)) {
            JsonNode organisms = node.send("GET", "/api/govs/" + gov, null).json().path("draft").path("config")
                    .path("organisms");
            assertThat(organisms).hasSize(accepted.size());
        }
    }

    @Test
    @Order(3)
    void a_node_decides_on_the_gov_as_the_log_has_it_not_as_it_last_loaded_it() {
        String gov = "/api/govs/cached.across";
        assertThat(a.post("/api/govs", "{\"name\":\"cached.across\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            // node A loads the gov (and keeps it), node B changes it, node A is asked to build on B's change
            Api.Reply fromA = a.put(gov + "/services/ATLAS", "{\"fingerprint\":\"" + LiveApplication.fp(0x50 + i)
                    + "\"}");
            assertThat(fromA.status()).as(fromA.toString()).isEqualTo(200);
            Api.Reply fromB = b.put(gov + "/services/ALMANAC", "{\"fingerprint\":\""
                    + LiveApplication.fp(0x60 + i) + "\"}", "If-Match", fromA.header("ETag"));
            assertThat(fromB.status()).as(fromB.toString()).isEqualTo(200);

            Api.Reply again = a.put(gov + "/services/CHRONICLE", "{\"fingerprint\":\""
                    + LiveApplication.fp(0x70 + i) + "\"}", "If-Match", fromB.header("ETag"));

            assertThat(again.status()).as("a write on B's version through A: " + again).isEqualTo(200);
            assertThat(again.json().path("version").asLong())
                    .isEqualTo(fromB.json().path("version").asLong() + 1);
        }
        assertThat(db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = "
                + "'cached.across'", Long.class)).isEqualTo(10L);
    }

    @Test
    @Order(4)
    void both_nodes_answer_every_read_identically() {
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        for (String path : List.of("/api/govs", "/api/govs/two.nodes", "/api/govs/two.nodes/history?size=100",
                "/api/govs/two.nodes/changelog", "/api/govs/two.nodes/audit")) {
            Api.Reply fromA = a.send("GET", path, null);
            assertThat(fromA.status()).as(path).isEqualTo(200);
            assertThat(b.send("GET", path, null).body()).as(path).isEqualTo(fromA.body());
        }
    }

    @Test
    @Order(5)
    void a_console_streaming_from_one_node_sees_changes_written_through_the_other() throws Exception {
        String gov = "streamed.across";
        assertThat(a.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status()).isEqualTo(201);
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b); // the gov's segment may be either node's
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        a.uri("/api/govs/" + gov + "/stream")).header("Accept", "text/event-stream")
                .header("Authorization", a.bearer("alice")).GET().build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> response.body()
                .filter(line -> line.startsWith("id:")).forEach(line -> received.add(line.substring(3).trim())));
        try {
            assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("0");
            for (int i = 1; i <= 4; i++) {
                assertThat(b.post("/api/govs/" + gov + "/organisms", "{\"role\":\"organism-" + i
                        + "\",\"fingerprint\":\"" + LiveApplication.fp(0x60 + i) + "\"}").status()).isEqualTo(201);
            }
            List<String> versions = new ArrayList<>();
            while (!versions.contains("4")) {
                String version = received.poll(20, TimeUnit.SECONDS);
                assertThat(version).as("a change after " + versions).isNotNull();
                versions.add(version);
            }
        } finally {
            response.body().close();
            reader.cancel(true);
        }
    }

    @Test
    @Order(6)
    void each_notice_is_attempted_once_across_both_nodes() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String g = "/api/govs/noticed.once";
            assertThat(a.post("/api/govs", "{\"name\":\"noticed.once\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(201);
            assertThat(b.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\""
                    + LiveApplication.fp(0x33) + "\"}").status()).isEqualTo(201);
            for (int i = 0; i < 10; i++) {
                assertThat((i % 2 == 0 ? a : b).post(g + "/integrators", "{\"name\":\"wallet-" + i
                        + "\",\"webhookUrl\":\"" + receiver.url("/w" + i) + "\"}").status()).isEqualTo(201);
            }
            assertThat(a.post(g + "/publications", "{}").status()).isEqualTo(201);

            // both nodes poll for due notices every 100 ms; for two seconds after all ten arrived, none comes twice
            await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2))
                    .until(() -> receiver.all().size() == 10);
            Map<String, Long> perNotice = receiver.all().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(perNotice).hasSize(10).allSatisfy((id, attempts) -> assertThat(attempts).isEqualTo(1L));
            assertThat(db.queryForObject("select count(*) from notice_attempt n join notice o on o.id = n.notice_id "
                    + "where o.gov = 'noticed.once'", Long.class)).isEqualTo(10L);
        }
    }

    @Test
    @Order(7)
    void a_pause_asked_of_one_node_holds_on_both_and_a_rebuild_asked_of_either_runs_once_for_the_cluster() {
        long generation = controlGeneration();
        assertThat(a.asAdmin("POST", "/api/admin/projections/pause", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ownersPerProcessor().get("read-models"))
                .as("both nodes let go of the read models").containsExactly("null"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode readiness = b.asAdmin("GET", "/actuator/health/readiness", null).json();
            assertThat(readiness.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(readiness.path("components").path("eventProcessors").path("details").path("read-models")
                    .asText()).isEqualTo("paused");
        });
        assertThat(b.send("GET", "/actuator/health/readiness", null, "-X-Operator").status())
                .as("a paused read side still serves").isEqualTo(200);
        assertThat(b.post("/api/govs", "{\"name\":\"written.while.paused\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                a.send("GET", "/api/govs/written.while.paused", null).status() == 404
                        && b.send("GET", "/api/govs/written.while.paused", null).status() == 404);

        assertThat(b.asAdmin("POST", "/api/admin/projections/resume", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ownersPerProcessor().get("read-models"))
                .containsExactlyInAnyOrder("node-a", "node-b"));
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        assertThat(a.send("GET", "/api/govs/written.while.paused", null).status()).isEqualTo(200);
        assertThat(controlGeneration()).as("one pause, one resume").isEqualTo(generation + 2);

        // a rebuild asked of node B, while node A holds segments too: both let go, it runs once, both follow
        db.update("update composition set description = 'tampered' where gov = 'written.while.paused'");
        Api.Reply replay = b.asAdmin("POST", "/api/admin/projections/composition/replay", null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(controlGeneration()).as("the rebuild paused and resumed the cluster once").isEqualTo(generation + 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ownersPerProcessor().get("read-models"))
                .containsExactlyInAnyOrder("node-a", "node-b"));
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        for (Api node : List.of(a, b)) {
            JsonNode rebuilt = node.send("GET", "/api/govs/written.while.paused", null).json();
            assertThat(rebuilt.path("description").isNull() || rebuilt.path("description").asText().isEmpty())
                    .as(rebuilt.toString()).isTrue();
        }
        assertThat(a.asAdmin("GET", "/actuator/health/readiness", null).json().path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    @Order(8)
    void a_segment_split_and_merged_through_one_node_is_worked_by_both() {
        assertThat(segmentsSeenBy(a)).containsExactly(0, 1);
        Api.Reply split = a.asAdmin("POST", "/api/admin/projections/segments/0/split", null);
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(segmentsSeenBy(b)).containsExactly(0, 1, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(db.queryForList("select owner from token_entry where processor_name = 'read-models'",
                    String.class)).hasSize(3).doesNotContainNull();
            assertThat(ownersPerProcessor().get("read-models")).containsExactlyInAnyOrder("node-a", "node-b");
        });
        assertThat(b.post("/api/govs", "{\"name\":\"after.split\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        assertThat(a.send("GET", "/api/govs/after.split", null).status()).isEqualTo(200);

        Api.Reply merged = b.asAdmin("POST", "/api/admin/projections/segments/2/merge", null);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(segmentsSeenBy(a)).containsExactly(0, 1);
        assertThat(b.post("/api/govs", "{\"name\":\"after.merge\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ownersPerProcessor().get("read-models"))
                .containsExactlyInAnyOrder("node-a", "node-b"));
        Concurrently.awaitProjections(a);
        Concurrently.awaitProjections(b);
        assertThat(b.send("GET", "/api/govs/after.merge", null).status()).isEqualTo(200);
        assertThat(b.send("GET", "/api/govs/after.split", null).status()).isEqualTo(200);

        Api.Reply unknown = a.asAdmin("POST", "/api/admin/projections/segments/9/split", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("rule").asText()).isEqualTo("segment-not-found");
    }

    @Test
    @Order(9)
    void stopping_one_node_mid_stream_lets_the_other_finish_its_segments_and_fire_its_cutover() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String g = "/api/govs/handed.over";
            NoticeFixtures.publishedWithAcmeWallet(a, "handed.over", receiver);
            Instant cutoverAt = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
            assertThat(a.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\"" + LiveApplication.fp(0x99)
                    + "\",\"cutoverAt\":\"" + cutoverAt + "\"}").status()).isEqualTo(201);
            // a burst of writes, then node A stops while its segments are still working through them
            List<String> govs = IntStream.range(0, 40).mapToObj(i -> "burst." + i).toList();
            Concurrently.run(8, i -> {
                for (int j = i; j < govs.size(); j += 8) {
                    a.post("/api/govs", "{\"name\":\"" + govs.get(j) + "\",\"archetype\":\"SERVICE\"}");
                }
                return null;
            });
            nodeA.close();
            assertThat(Instant.now()).as("node A stopped before the cutover").isBefore(cutoverAt);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ownersPerProcessor())
                    .allSatisfy((processor, owners) -> assertThat(owners).as(processor).containsExactly("node-b")));
            await().atMost(Duration.ofSeconds(60)).until(() -> b.send("GET", g, null).json()
                    .path("published").path("revision").asLong() == 2);
            Concurrently.awaitProjections(b);
            assertThat(b.send("GET", "/api/govs?size=100", null).json().path("items").findValuesAsText("name"))
                    .containsAll(govs);
            assertThat(db.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = "
                    + "'handed.over' and payload_type = 'govlife.FingerprintCutOver'", Long.class)).isEqualTo(1L);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/acme").stream()
                    .anyMatch(r -> r.body().contains("\"revision\":2")));
        }
    }

    private static ConfigurableApplicationContext node(String id, String url) {
        return new SpringApplicationBuilder(GovlifeApplication.class).profiles("postgres").run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--govlife.node.id=" + id, "--govlife.node.heartbeat=PT0.5S",
                "--govlife.node.token-claim-interval=PT0.5S", "--axon.tokenstore.claim-timeout=PT3S",
                "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.webhooks.allowed-hosts=127.0.0.1", "--govlife.webhooks.poll-interval=PT0.1S",
                "--govlife.bump.minimum-notice=PT2S", "--db-scheduler.polling-interval=200ms",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static long controlGeneration() {
        return db.queryForObject("select generation from read_model_control where processor = 'read-models'",
                Long.class);
    }

    private static List<Integer> segmentsSeenBy(Api node) {
        List<Integer> segments = new ArrayList<>();
        node.asAdmin("GET", "/api/admin/projections/segments", null).json().path("segments")
                .forEach(segment -> segments.add(segment.asInt()));
        return segments;
    }

    /** For each processor with tokens, the nodes holding a claim on one of its segments. */
    private static Map<String, List<String>> ownersPerProcessor() {
        return db.queryForList("select processor_name, owner from token_entry").stream()
                .collect(Collectors.groupingBy(row -> (String) row.get("processor_name"),
                        Collectors.mapping(row -> String.valueOf(row.get("owner")),
                                Collectors.collectingAndThen(Collectors.toList(),
                                        owners -> owners.stream().distinct().sorted().toList()))));
    }
}
