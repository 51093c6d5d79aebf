package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read side over HTTP, after a scripted history: what operators, integrators and auditors read. */
class QueryApiIT extends LiveApplication {

    private String gov;
    private String rev1;
    private String rev2;

    @BeforeEach
    void history() {
        gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        ok(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}"));
        ok(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":\"https://docs.example/atlas\"}"));
        rev1 = ok(api.post(g + "/publications", "{\"notes\":\"first\"}")).json().path("publishedFingerprint").asText();
        ok(api.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}"));
        ok(api.delete(g + "/citizens/zora", "{\"reason\":\"zora misbehaves\"}"));
        ok(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x45)
                + "\",\"spans\":[\"base\",\"price-oracle\"],\"stateMachineVersion\":\"2\"}"));
        rev2 = ok(api.post(g + "/publications", "{\"notes\":\"zora out\"}")).json().path("publishedFingerprint").asText();
        ok(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99)
                + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}"));
        awaitProjections();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as("set-up call answered %s", reply).isBetween(200, 299);
        return reply;
    }

    @Test
    void the_current_state_shows_published_draft_and_pending_cutovers() {
        JsonNode state = get("/api/govs/" + gov).json();
        assertThat(state.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.path("version").asLong()).isEqualTo(10);
        assertThat(state.path("published").path("revision").asLong()).isEqualTo(2);
        assertThat(state.path("published").path("fingerprint").asText()).isEqualTo(rev2);
        assertThat(state.path("pendingBumps").get(0).path("citizen").asText()).isEqualTo("base");
        assertThat(state.path("pendingBumps").get(0).path("cutoverAt").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(state.path("services").get(0).path("service").asText()).isEqualTo("ATLAS");

        JsonNode list = get("/api/govs?status=ACTIVE&size=200").json();
        assertThat(list.path("items").findValuesAsText("name")).contains(gov);
        JsonNode found = get("/api/govs?name=" + gov.substring(2).toUpperCase(java.util.Locale.ROOT)).json();
        assertThat(found.path("items").findValuesAsText("name")).containsExactly(gov);
        assertThat(found.path("total").asLong()).isEqualTo(1);
    }

    @Test
    void the_list_keeps_the_govs_with_a_pending_cutover_when_asked() {
        String quiet = govWithTwoLattices();
        ok(api.post("/api/govs/" + quiet + "/publications", "{}"));
        awaitProjections();

        JsonNode pending = get("/api/govs?pendingCutovers=true&size=200").json();
        assertThat(pending.path("items")).allSatisfy(item -> assertThat(item.path("pendingCutovers")).isNotEmpty());
        assertThat(get("/api/govs?pendingCutovers=true&name=" + gov).json().path("items").findValuesAsText("name"))
                .containsExactly(gov);
        assertThat(get("/api/govs?pendingCutovers=true&name=" + quiet).json().path("total").asLong()).isZero();
        assertThat(get("/api/govs?pendingCutovers=false&name=" + quiet).json().path("items")
                .findValuesAsText("name")).containsExactly(quiet);
        assertThat(get("/api/govs?name=" + quiet).json().path("total").asLong()).isEqualTo(1);
        assertThat(get("/api/govs?pendingCutovers=true&status=ACTIVE&name=" + gov).json().path("total").asLong())
                .isEqualTo(1);
        assertThat(get("/api/govs?pendingCutovers=true&status=DRAFT&name=" + gov).json().path("total").asLong())
                .isZero();
        JsonNode paged = get("/api/govs?pendingCutovers=true&name=" + gov + "&page=1&size=1").json();
        assertThat(paged.path("items")).isEmpty();
        assertThat(paged.path("total").asLong()).isEqualTo(1);

        ok(api.delete("/api/govs/" + gov + "/citizens/base/bumps/current", "{\"reason\":\"release slipped\"}"));
        awaitProjections();
        assertThat(get("/api/govs?pendingCutovers=true&name=" + gov).json().path("total").asLong()).isZero();
    }

    @Test
    void config_is_canonical_json_whose_fingerprint_recomputes_to_its_etag() {
        Api.Reply config = get("/api/govs/" + gov + "/config");
        assertThat(config.header("ETag")).isEqualTo("\"" + rev2 + "\"");
        assertThat(config.header("Gov-Revision")).isEqualTo("2");
        assertThat(recomputedRoot(config.json())).isEqualTo(rev2);

        Api.Reply first = get("/api/govs/" + gov + "/config?revision=1");
        assertThat(first.header("ETag")).isEqualTo("\"" + rev1 + "\"");
        assertThat(recomputedRoot(first.json())).isEqualTo(rev1);
        assertThat(first.json().path("lattices").findValuesAsText("name")).containsExactly("base", "zora");
    }

    @Test
    void as_of_answers_exactly_what_was_published_at_that_time() {
        JsonNode revisions = get("/api/govs/" + gov + "/revisions").json();
        assertThat(revisions.findValuesAsText("revision")).containsExactly("1", "2");
        assertThat(revisions.get(0).path("publishedBy").asText()).isEqualTo("alice");
        Instant first = Instant.parse(revisions.get(0).path("publishedAt").asText());
        Instant second = Instant.parse(revisions.get(1).path("publishedAt").asText());

        assertThat(get("/api/govs/" + gov + "/config?asOf=" + first.minusMillis(1)).status()).isEqualTo(404);
        assertThat(get("/api/govs/" + gov + "/config?asOf=" + first).header("ETag")).isEqualTo("\"" + rev1 + "\"");
        assertThat(get("/api/govs/" + gov + "/config?asOf=" + second.minusNanos(1000)).header("ETag"))
                .isEqualTo("\"" + rev1 + "\"");
        assertThat(get("/api/govs/" + gov + "/config?asOf=" + second).header("ETag")).isEqualTo("\"" + rev2 + "\"");
        assertThat(get("/api/govs/" + gov + "/config?asOf=2100-01-01T00:00:00Z").header("ETag"))
                .isEqualTo("\"" + rev2 + "\"");
    }

    @Test
    void a_diff_names_what_was_added_removed_and_changed() {
        JsonNode diff = get("/api/govs/" + gov + "/revisions/1/diff/2").json();
        assertThat(diff.path("citizens").path("added").findValuesAsText("role")).containsExactly("price-oracle");
        assertThat(diff.path("citizens").path("removed").findValuesAsText("name")).containsExactly("zora");
        assertThat(diff.path("confluences").path("changed")).hasSize(1);
        JsonNode bridge = diff.path("confluences").path("changed").get(0);
        assertThat(bridge.path("name").asText()).isEqualTo("bridge");
        assertThat(bridge.path("before").path("stateMachineVersion").asText()).isEqualTo("1");
        assertThat(bridge.path("after").path("stateMachineVersion").asText()).isEqualTo("2");
        assertThat(diff.path("services").path("added")).isEmpty();
    }

    @Test
    void the_audit_trail_shows_who_changed_what_when_and_why_filtered_and_paged() {
        JsonNode all = get("/api/govs/" + gov + "/history?size=5").json();
        assertThat(all.path("total").asLong()).isEqualTo(11);
        assertThat(all.path("items")).hasSize(5);
        assertThat(all.path("items").get(0).path("type").asText()).isEqualTo("GovCreated");

        JsonNode drops = get("/api/govs/" + gov + "/history?type=CitizenDropped").json();
        assertThat(drops.path("total").asLong()).isEqualTo(1);
        JsonNode drop = drops.path("items").get(0);
        assertThat(drop.path("citizen").asText()).isEqualTo("zora");
        assertThat(drop.path("operator").asText()).isEqualTo("alice");
        assertThat(drop.path("reason").asText()).isEqualTo("zora misbehaves");
        assertThat(drop.path("correlationId").asText()).isNotBlank();
        assertThat(drop.path("event").path("staleConfluences").get(0).asText()).isEqualTo("bridge");

        JsonNode base = get("/api/govs/" + gov + "/history?citizen=base").json();
        assertThat(types(base)).containsExactly("CitizenReferenced", "FingerprintBumpScheduled");

        Instant dropAt = Instant.parse(drop.path("occurredAt").asText());
        JsonNode before = get("/api/govs/" + gov + "/history?to=" + dropAt).json();
        assertThat(types(before)).doesNotContain("CitizenDropped").contains("GovCreated");
        JsonNode after = get("/api/govs/" + gov + "/history?from=" + dropAt).json();
        assertThat(after.path("items").get(0).path("type").asText()).isEqualTo("CitizenDropped");
    }

    @Test
    void the_change_channel_is_a_markdown_changelog_and_a_valid_atom_feed() throws Exception {
        Api.Reply changelog = get("/api/govs/" + gov + "/changelog");
        assertThat(changelog.contentType()).startsWith("text/markdown");
        assertThat(changelog.body()).contains("Revision 2 published").contains("removed lattice zora")
                .contains("upgraded confluence bridge").contains("Bump of base").contains(rev2);

        Api.Reply atom = get("/api/govs/" + gov + "/feed");
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(e -> e.getTitle()).containsExactly(
                "Bump of base at 2099-01-01T00:00:00Z", "Revision 2 published", "Revision 1 published");
        Feed wire = (Feed) new WireFeedInput().build(new StringReader(atom.body()));
        assertThat(wire.getId()).isNotBlank();
        assertThat(wire.getUpdated()).isNotNull();
        for (Entry entry : wire.getEntries()) {
            assertThat(entry.getId()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
        }
        assertThat(wire.getEntries()).extracting(Entry::getId).doesNotHaveDuplicates();
    }

    @Test
    void the_handshake_page_shows_config_citizens_services_cutovers_and_links_and_says_when_retired() {
        Api.Reply page = get("/govs/" + gov);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(rev2).contains("price-oracle").contains("bridge")
                .contains("https://docs.example/atlas").contains("Pending cutovers").contains("2099-01-01T00:00:00Z")
                .contains("/api/govs/" + gov + "/config").contains("/api/govs/" + gov + "/changelog")
                .contains("/api/govs/" + gov + "/feed").doesNotContain("retired on");
        // rendered once per version of the gov and served as bytes: a poller holding the ETag gets 304
        String etag = page.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(page.header("Cache-Control")).isEqualTo("max-age=30, public");
        Api.Reply unchanged = api.send("GET", "/govs/" + gov, null, "-X-Operator", "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(get("/govs/" + gov).body()).isEqualTo(page.body());
        // a change this node's projection did not make (another node's, sharing the read model) shows within
        // govlife.public-reads.recheck (1 s), though the version stayed
        assertThat(jdbc.update("update composition set document = replace(document, 'docs.example/atlas', "
                + "'docs.example/atlas-rebuilt') where gov = ?", gov)).isEqualTo(1);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> get("/govs/" + gov).body()
                    .contains("https://docs.example/atlas-rebuilt"));
        } finally {
            jdbc.update("update composition set document = replace(document, 'docs.example/atlas-rebuilt', "
                    + "'docs.example/atlas') where gov = ?", gov);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/govs/" + gov).body().equals(page.body()));

        ok(api.post("/api/govs/" + gov + "/retirement", "{\"reason\":\"wound down\"}"));
        awaitProjections();
        Api.Reply retired = get("/govs/" + gov);
        assertThat(retired.body()).contains("retired on").contains(rev2).doesNotContain("Pending cutovers");
        assertThat(retired.header("ETag")).as("a new version of the gov is a new page").isNotEqualTo(etag);
        assertThat(api.send("GET", "/govs/" + gov, null, "-X-Operator", "If-None-Match", etag).status())
                .isEqualTo(200);
        assertThat(get("/api/govs/" + gov + "/config").header("ETag")).isEqualTo("\"" + rev2 + "\"");
        assertThat(get("/api/govs/" + gov + "/changelog").body()).contains("retired");
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    /** GOV_ROOT recomputed from the JSON alone, the way an integrator would check what they compile in. */
    static String recomputedRoot(JsonNode config) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(Blake3.hash(("gov|" + config.path("gov").asText()).getBytes(StandardCharsets.UTF_8)));
        for (String group : List.of("lattices", "organisms", "confluences", "services")) {
            for (JsonNode member : config.path(group)) {
                parts.add(hex(member.path("fingerprint").asText()));
            }
        }
        Blake3 hasher = Blake3.initHash();
        parts.forEach(hasher::update);
        byte[] root = new byte[32];
        hasher.doFinalize(root);
        return Hex.encodeHexString(root);
    }

    private static byte[] hex(String hex) {
        try {
            return Hex.decodeHex(hex);
        } catch (org.apache.commons.codec.DecoderException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
