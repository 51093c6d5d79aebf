package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govlife.GovlifeApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a log fixture and what this version answers for it (read by {@link LogFixtureReplayIT}). Run by hand, with
 * the version whose log is to be kept, not in the suite (its name matches no test pattern):
 * {@code mvn -pl app -am test -Dtest=LogFixtureWriter -Dsurefire.failIfNoSpecifiedTests=false -Dfixture.out=DIR}.
 * {@code log-fixtures/before-rules-v2} was written by commit 96d77a8.
 */
class LogFixtureWriter {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void write() throws Exception {
        Path out = Path.of(System.getProperty("fixture.out"));
        Files.createDirectories(out);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovlifeApplication.class).run(
                "--server.port=0", "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.data-dir=" + LiveApplication.freshDataDir(), "--govlife.bump.minimum-notice=PT2S",
                "--db-scheduler.polling-interval=200ms", "--logging.level.root=warn")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String g = "/api/govs/fixture.superchain";
            ok(api.post("/api/govs", "{\"name\":\"fixture.superchain\",\"archetype\":\"ECOSYSTEM\"}"));
            ok(api.post(g + "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + fp(0x11)
                    + "\",\"operatorContact\":\"ops@base.example\"}"));
            ok(api.post(g + "/lattices", "{\"name\":\"zora\",\"chainId\":7777777,\"fingerprint\":\"" + fp(0x22) + "\"}"));
            ok(api.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}"));
            ok(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                    + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}"));
            ok(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":\"https://docs.example/atlas\"}"));
            ok(api.post(g + "/publications", "{\"notes\":\"First GovConfig\"}"));
            // a bump with its confluence upgrade held, cut over
            Instant cutover = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            ok(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99) + "\",\"cutoverAt\":\"" + cutover + "\"}"));
            ok(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x45)
                    + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"2\"}"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.send("GET", g, null).json().path("published").path("revision").asLong() == 2);
            // a replacement making the bridge stale, upgraded, published
            ok(api.post(g + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":7777777,"
                    + "\"fingerprint\":\"" + fp(0x23) + "\"},\"reason\":\"new release\"}"));
            ok(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x46)
                    + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"3\"}"));
            ok(api.post(g + "/publications", "{\"notes\":\"Zora release\"}"));
            // a pending bump left for the replay, and a drop making the bridge stale in the draft
            ok(api.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\"" + fp(0x98) + "\",\"cutoverAt\":\"2030-01-01T00:00:00Z\"}"));
            ok(api.post(g + "/lattices", "{\"name\":\"mode\",\"chainId\":34443,\"fingerprint\":\"" + fp(0x66) + "\"}"));
            ok(api.delete(g + "/citizens/zora", "{\"reason\":\"leaves\"}"));
            // a second gov, retired with a pending bump
            String r = "/api/govs/fixture.retired";
            ok(api.post("/api/govs", "{\"name\":\"fixture.retired\",\"archetype\":\"SERVICE\"}"));
            ok(api.post(r + "/lattices", "{\"name\":\"solo\",\"chainId\":1,\"fingerprint\":\"" + fp(0x71) + "\"}"));
            ok(api.post(r + "/publications", "{}"));
            ok(api.post(r + "/citizens/solo/bumps", "{\"fingerprint\":\"" + fp(0x72) + "\",\"cutoverAt\":\"2030-01-01T00:00:00Z\"}"));
            ok(api.post(r + "/retirement", "{\"reason\":\"done\"}"));
            Concurrently.awaitProjections(api);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.send("GET", g + "/revisions", null).json().size() >= 3
                            || api.send("GET", g + "/revisions", null).json().path("items").size() >= 3);

            StringBuilder events = new StringBuilder();
            for (Map<String, Object> row : jdbc.queryForList("select * from domain_event_entry order by global_index")) {
                ObjectNode node = JSON.createObjectNode();
                node.put("globalIndex", ((Number) row.get("GLOBAL_INDEX")).longValue());
                node.put("aggregateIdentifier", (String) row.get("AGGREGATE_IDENTIFIER"));
                node.put("sequenceNumber", ((Number) row.get("SEQUENCE_NUMBER")).longValue());
                node.put("type", (String) row.get("TYPE"));
                node.put("eventIdentifier", (String) row.get("EVENT_IDENTIFIER"));
                node.put("payloadType", (String) row.get("PAYLOAD_TYPE"));
                node.put("payloadRevision", (String) row.get("PAYLOAD_REVISION"));
                node.put("payload", text(row.get("PAYLOAD")));
                node.put("metaData", text(row.get("META_DATA")));
                node.put("timeStamp", (String) row.get("TIME_STAMP"));
                events.append(JSON.writeValueAsString(node)).append('\n');
            }
            Files.writeString(out.resolve("events.jsonl"), events);

            ObjectNode expected = JSON.createObjectNode();
            for (String gov : List.of("fixture.superchain", "fixture.retired")) {
                ObjectNode one = expected.putObject(gov);
                JsonNode view = api.send("GET", "/api/govs/" + gov, null).json();
                one.set("view", view);
                JsonNode revisions = api.send("GET", "/api/govs/" + gov + "/revisions", null).json();
                one.set("revisions", revisions);
                List<JsonNode> configs = new ArrayList<>();
                long last = view.path("published").path("revision").asLong();
                for (long n = 1; n <= last; n++) {
                    configs.add(api.send("GET", "/api/govs/" + gov + "/config?revision=" + n, null).json());
                }
                one.set("configs", JSON.valueToTree(configs));
            }
            Files.writeString(out.resolve("expected.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
        }
    }

    private static String text(Object column) throws java.sql.SQLException {
        byte[] bytes = column instanceof java.sql.Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) column;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void ok(Api.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("fixture step failed: " + reply);
        }
    }

    private static String fp(int b) {
        return LiveApplication.fp(b);
    }
}
