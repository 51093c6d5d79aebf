package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log written by the version before the v2 consistency rules (src/test/resources/log-fixtures/before-rules-v2,
 * made with that version by its LogFixtureWriter: two govs, a held upgrade cut over, a replacement and its upgrade,
 * a pending bump, a drop that left a confluence stale, a retirement with a bump pending) is loaded into a fresh
 * store: the read models rebuilt from it and the published revisions are what that version answered, and the Gov
 * rebuilt from it decides as that log says.
 */
class LogFixtureReplayIT {

    private static final String FIXTURE = "/log-fixtures/before-rules-v2/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir = LiveApplication.freshDataDir();

    /**
     * The answer less the members v1.1 added (API.md: fields may gain members), each only where it holds the value
     * every event from before v1.1 implies: not short notice, no catch-up, not metadata-only.
     */
    private static JsonNode withoutV11Defaults(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("shortNotice").isBoolean() && !object.path("shortNotice").asBoolean()) {
                object.remove("shortNotice");
            }
            if (object.has("lateBy") && object.path("lateBy").isNull()) {
                object.remove("lateBy");
            }
            if (object.path("metadataOnly").isBoolean() && !object.path("metadataOnly").asBoolean()) {
                object.remove("metadataOnly");
            }
        }
        node.forEach(LogFixtureReplayIT::strip);
    }

    @Test
    void a_log_from_before_the_rules_v2_rebuilds_the_same_read_models_and_revisions() throws Exception {
        start().close(); // the schema, as this version migrates it
        load();
        JsonNode expected = JSON.readTree(resource("expected.json"));
        try (ConfigurableApplicationContext app = start()) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            Concurrently.awaitProjections(api);
            for (String gov : List.of("fixture.superchain", "fixture.retired")) {
                JsonNode was = expected.path(gov);
                JsonNode view = api.asAdmin("GET", "/api/govs/" + gov, null).json();
                for (String field : List.of("published", "draft", "pendingBumps", "staleConfluences", "services",
                        "status", "version", "retiredAt")) {
                    assertThat(withoutV11Defaults(view.path(field))).as("%s %s", gov, field)
                            .isEqualTo(was.path("view").path(field));
                }
                assertThat(withoutV11Defaults(api.asAdmin("GET", "/api/govs/" + gov + "/revisions", null).json()))
                        .as("%s revisions", gov).isEqualTo(was.path("revisions"));
                for (int n = 1; n <= was.path("configs").size(); n++) {
                    assertThat(api.asAdmin("GET", "/api/govs/" + gov + "/config?revision=" + n, null).json())
                            .as("%s revision %d", gov, n).isEqualTo(was.path("configs").get(n - 1));
                }
            }
            // the Gov rebuilt from the old log: the bridge the drop left stale still blocks publication, and the
            // retired gov accepts nothing
            String g = "/api/govs/fixture.superchain";
            Api.Reply refused = api.post(g + "/publications", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("stale-confluences").contains("bridge");
            assertThat(api.post("/api/govs/fixture.retired/lattices", "{\"name\":\"late\",\"chainId\":2,"
                    + "\"fingerprint\":\"" + LiveApplication.fp(0x73) + "\"}").body()).contains("gov-retired");
            // and decides under the new rules from there: the upgrade without zora is held for the oracle's bump
            assertThat(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + LiveApplication.fp(0x47)
                    + "\",\"spans\":[\"base\",\"mode\"],\"stateMachineVersion\":\"4\"}").status()).isEqualTo(200);
            assertThat(api.post(g + "/publications", "{}").status()).as("nothing stale once upgraded")
                    .isEqualTo(201);
        }
    }

    /** Rows as that version wrote them, global index and all, and the name claims its commands made. */
    private void load() throws IOException, SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/govlife", "sa", "");
             PreparedStatement insert = db.prepareStatement("insert into domain_event_entry (global_index, "
                     + "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision, "
                     + "payload, meta_data, time_stamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long last = 0;
            for (String line : resource("events.jsonl").lines().toList()) {
                JsonNode row = JSON.readTree(line);
                last = row.path("globalIndex").asLong();
                insert.setLong(1, last);
                insert.setString(2, row.path("aggregateIdentifier").asText());
                insert.setLong(3, row.path("sequenceNumber").asLong());
                insert.setString(4, row.path("type").asText());
                insert.setString(5, row.path("eventIdentifier").asText());
                insert.setString(6, row.path("payloadType").asText());
                insert.setString(7, row.path("payloadRevision").isNull() ? null : row.path("payloadRevision").asText());
                insert.setBytes(8, row.path("payload").asText().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, row.path("metaData").asText().getBytes(StandardCharsets.UTF_8));
                insert.setString(10, row.path("timeStamp").asText());
                insert.executeUpdate();
            }
            db.createStatement().execute("alter sequence domain_event_entry_seq restart with " + (last + 1));
            for (String gov : List.of("fixture.superchain", "fixture.retired")) {
                db.createStatement().execute("insert into gov_name_claim (name, claimed_at) values ('" + gov
                        + "', current_timestamp)");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GovlifeApplication.class).run("--server.port=0",
                "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN, "--govlife.data-dir=" + dataDir,
                "--logging.level.root=warn");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LogFixtureReplayIT.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
