package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.govlife.events.gov.GovName;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import io.govlife.query.fingerprints.FingerprintRepository;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public lookup by fingerprint, its HTML form, the handshake page's pending and blocked cutovers, and the caching
 * of what integrators read in public: one gov lived through drops, a replacement, a bump and its cutover, a blocked
 * cutover and a retirement, every revision's root looked up without a token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FingerprintLookupIT extends LiveApplication {

    private static final String HOSTILE = "<script>alert('x')</script> & <b>bold</b>";

    /** The gov lived through once, shared by the tests that read it (ordered: the last one retires it). */
    private static String gov;
    private static List<String> roots;

    private String g() {
        return "/api/govs/" + gov;
    }

    @Test
    @Order(1)
    void every_revisions_root_is_current_or_superseded_with_what_followed_it_and_why() {
        gov = livedThrough();
        roots = revisionRoots();
        assertThat(roots).hasSize(5).doesNotHaveDuplicates();

        for (int r = 1; r <= 5; r++) {
            JsonNode match = onlyMatch(lookup(roots.get(r - 1)));
            assertThat(match.path("gov").asText()).isEqualTo(gov);
            assertThat(match.path("kind").asText()).isEqualTo("GOV_ROOT");
            assertThat(match.has("citizen")).isFalse();
            assertThat(match.path("revisions").toString()).isEqualTo("[{\"from\":" + r + ",\"to\":" + r + "}]");
            assertThat(match.path("currentRevision").asLong()).isEqualTo(5);
            assertThat(match.path("currentFingerprint").asText()).isEqualTo(roots.get(4));
            List<Long> since = new ArrayList<>();
            match.path("changesSince").forEach(change -> since.add(change.path("revision").asLong()));
            assertThat(since).as("changes since revision %s", r)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(r + 1, 5).boxed().toList());
            if (r < 5) {
                assertThat(match.path("status").asText()).isEqualTo("SUPERSEDED");
                assertThat(match.path("supersededBy").path("revision").asLong()).isEqualTo(r + 1);
                assertThat(match.path("supersededBy").path("fingerprint").asText()).isEqualTo(roots.get(r));
                assertThat(match.path("supersededBy").path("publishedAt").asText()).isNotBlank();
            } else {
                assertThat(match.path("status").asText()).isEqualTo("CURRENT");
                assertThat(match.has("supersededBy")).isFalse();
            }
        }
        JsonNode changes = onlyMatch(lookup(roots.get(0))).path("changesSince");
        assertThat(changes.get(0).path("reason").asText()).isEqualTo(HOSTILE);
        assertThat(changes.get(0).path("what").asText()).contains("removed organism price-oracle");
        assertThat(changes.get(0).has("cutoverOf")).isFalse();
        assertThat(changes.get(1).path("reason").asText()).isEqualTo("zora ships a new release");
        assertThat(changes.get(2).path("cutoverOf").asText()).isEqualTo("base");
        assertThat(changes.get(2).path("reason").asText()).startsWith("Cutover of base");
        assertThat(changes.get(2).path("what").asText()).contains("changed lattice base").contains(fp(0xb1));
        assertThat(changes.get(3).path("cutoverOf").asText()).as("the blocked cutover, once unblocked")
                .isEqualTo("zora");
        assertThat(changes).allSatisfy(change -> assertThat(change.path("metadataOnly").asBoolean()).isFalse());
    }

    @Test
    @Order(2)
    void a_citizen_fingerprint_names_its_citizen_and_what_it_moved_to() {
        JsonNode base = onlyMatch(lookup(fp(0x11)));
        assertThat(base.path("kind").asText()).isEqualTo("CITIZEN");
        assertThat(base.path("citizen").asText()).isEqualTo("base");
        assertThat(base.path("citizenKind").asText()).isEqualTo("LATTICE");
        assertThat(base.path("revisions").toString()).isEqualTo("[{\"from\":1,\"to\":3}]");
        assertThat(base.path("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(base.path("supersededBy").path("revision").asLong()).isEqualTo(4);
        assertThat(base.path("supersededBy").path("citizenFingerprint").asText()).isEqualTo(fp(0xb1));
        assertThat(base.path("changesSince").get(0).path("cutoverOf").asText()).isEqualTo("base");

        JsonNode oracle = onlyMatch(lookup(fp(0x33)));
        assertThat(oracle.path("supersededBy").path("revision").asLong()).isEqualTo(2);
        assertThat(oracle.path("supersededBy").has("citizenFingerprint")).as("dropped: no fingerprint after").isFalse();

        JsonNode atlas = onlyMatch(lookup(fp(0x55)));
        assertThat(atlas.path("citizen").asText()).isEqualTo("ATLAS");
        assertThat(atlas.path("status").asText()).isEqualTo("CURRENT");
        assertThat(atlas.path("revisions").toString()).isEqualTo("[{\"from\":1,\"to\":5}]");
        // upper case is the same fingerprint
        assertThat(onlyMatch(lookup(fp(0x55).toUpperCase())).path("citizen").asText()).isEqualTo("ATLAS");
    }

    @Test
    @Order(3)
    void unknown_and_malformed_fingerprints_are_problems_and_no_token_is_needed() {
        BadInputIT.assertProblem(publicGet("/api/fingerprints/" + fp(0xee), "application/json"), 404, "fingerprint");
        Api.Reply unknown = publicGet("/api/fingerprints/" + fp(0xee), "application/json");
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:govlife:problem:fingerprint-not-found");
        for (String malformed : List.of("xyz", fp(0x11).substring(1), fp(0x11) + "0", "g".repeat(64))) {
            BadInputIT.assertProblem(publicGet("/api/fingerprints/" + malformed, "application/json"), 400,
                    "fingerprint");
        }
        assertThat(publicGet("/api/fingerprints/" + roots.get(0), "application/json").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void public_reads_answer_304_to_a_matching_entity_tag_and_say_how_long_a_cache_may_keep_them() {
        for (String path : List.of("/api/fingerprints/" + roots.get(0), g() + "/config", g() + "/config?revision=2",
                g() + "/revisions", g() + "/revisions/1/diff/3")) {
            Api.Reply first = publicGet(path, "application/json");
            assertThat(first.status()).as(path).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as("ETag of %s", path).isNotBlank();
            Api.Reply again = api.send("GET", path, null, "-X-Operator", "If-None-Match", etag);
            assertThat(again.status()).as("revalidating %s", path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("Cache-Control")).as("a 304 keeps the caching of %s", path)
                    .isEqualTo(first.header("Cache-Control"));
        }
        String immutable = "max-age=31536000, public, immutable";
        assertThat(publicGet(g() + "/config?revision=2", "application/json").header("Cache-Control")).isEqualTo(immutable);
        assertThat(publicGet(g() + "/revisions/1/diff/3", "application/json").header("Cache-Control"))
                .isEqualTo(immutable);
        for (String brief : List.of("/api/fingerprints/" + roots.get(0), g() + "/config", g() + "/revisions",
                "/govs/" + gov, "/fingerprints?fp=" + roots.get(0))) {
            Api.Reply reply = publicGet(brief, "text/html,application/json;q=0.9");
            assertThat(reply.header("Cache-Control")).as(brief).isEqualTo("max-age=5, public");
            assertThat(reply.header("Pragma")).as(brief).isNull();
        }
        // what is not public, or not cacheable, keeps Spring Security's default
        for (String path : List.of(g() + "/history", g() + "/notices", g())) {
            Api.Reply reply = get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).as(path).contains("no-store");
        }
        assertThat(publicGet("/api/fingerprints/" + fp(0xee), "application/json").header("Cache-Control"))
                .as("a 404 is not cached for long: the fingerprint may be published any moment").contains("no-store");
    }

    @Test
    @Order(5)
    void the_form_works_without_javascript_and_escapes_what_operators_typed() {
        Api.Reply handshake = publicGet("/govs/" + gov, "text/html");
        assertThat(handshake.body()).contains("<form method=\"get\" action=\"/fingerprints\">")
                .contains("name=\"fp\"");

        Api.Reply page = publicGet("/fingerprints?fp=" + roots.get(0), "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(roots.get(0)).contains("SUPERSEDED").contains(roots.get(1))
                .contains("Cutover of base").contains("/api/govs/" + gov + "/config?revision=4");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("<b>bold")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
        assertThat(publicGet("/fingerprints?fp=" + roots.get(4), "text/html").body()).contains("CURRENT");

        Api.Reply malformed = publicGet("/fingerprints?fp=%3Cscript%3Ealert(1)%3C/script%3E", "text/html");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("text/html");
        assertThat(malformed.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
        Api.Reply unknown = publicGet("/fingerprints?fp=" + fp(0xee), "text/html");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("No gov ever published");
        BadInputIT.assertProblem(publicGet("/fingerprints?fp=" + fp(0xee), "application/json"), 404, "fp");
        BadInputIT.assertProblem(publicGet("/fingerprints?fp=nope", "application/json"), 400, "fp");
        assertThat(publicGet("/fingerprints?fp=" + roots.get(0), "application/json").json().path("matches")
                .get(0).path("gov").asText()).isEqualTo(gov);
        assertThat(publicGet("/fingerprints", "text/html").status()).as("the empty form").isEqualTo(200);
    }

    @Test
    @Order(6)
    void an_unknown_gov_is_an_html_page_for_a_browser_and_a_problem_for_an_api_client() {
        Api.Reply browser = publicGet("/govs/no-such-gov-here",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.contentType()).startsWith("text/html");
        assertThat(browser.body()).contains("No such gov").contains("no-such-gov-here");
        BadInputIT.assertProblem(publicGet("/govs/no-such-gov-here", "application/json"), 404, "gov");
    }

    @Test
    @Order(7)
    void after_retirement_every_fingerprint_of_the_gov_is_retired() {
        ok(api.post(g() + "/retirement", "{\"reason\":\"merged into another gov\"}"));
        awaitProjections();
        for (String root : roots) {
            JsonNode match = onlyMatch(lookup(root));
            assertThat(match.path("status").asText()).isEqualTo("RETIRED");
            assertThat(match.path("retiredAt").asText()).isNotBlank();
        }
        assertThat(onlyMatch(lookup(roots.get(0))).path("supersededBy").path("revision").asLong()).isEqualTo(2);
        assertThat(onlyMatch(lookup(fp(0x55))).path("status").asText()).isEqualTo("RETIRED");
    }

    @Autowired
    CommandGateway commands;

    @Test
    @Order(8)
    void on_a_gov_of_ten_thousand_events_the_lookup_reads_its_indexes() {
        // not a timing: the plans of the very statements the lookup sends
        String big = uniqueGov();
        ok(api.post("/api/govs", "{\"name\":\"" + big + "\",\"archetype\":\"SERVICE\"}"));
        GovName name = GovName.of(big);
        List<BasicService> services = List.of(BasicService.values());
        String firstRoot = null;
        int counter = 0;
        while (eventsOf(big) < 10_000) {
            for (BasicService service : services) {
                send(new ShipBasicService(name, new ServiceRef(service, Fingerprint.of(counted(++counter)), null), null));
            }
            send(new PublishGovConfig(name, "revision of " + counter, null));
            if (firstRoot == null) {
                awaitProjections();
                firstRoot = get("/api/govs/" + big + "/revisions").json().get(0).path("fingerprint").asText();
            }
        }
        awaitProjections();
        JsonNode match = onlyMatch(lookup(firstRoot));
        long revisions = match.path("currentRevision").asLong();
        assertThat(revisions).isGreaterThanOrEqualTo(2_000);
        assertThat(match.path("changesSince")).hasSize((int) revisions - 1);

        if (ON_POSTGRES) {
            jdbc.execute("analyze fingerprint_carried");
            jdbc.execute("analyze fingerprint_change");
            jdbc.execute("analyze fingerprint_gov");
        }
        List<String> runs = jdbc.queryForList("explain " + FingerprintRepository.RUNS, String.class, firstRoot);
        // the changes of an integrator one revision behind: PostgreSQL rightly reads the whole table instead when the
        // answer is nearly all of it (revision 1's root of a gov alone in the database), so that plan proves nothing
        List<String> changes = jdbc.queryForList("explain " + FingerprintRepository.CHANGES, String.class, big,
                revisions - 1);
        if (ON_POSTGRES) {
            assertThat(String.join("\n", runs)).as("runs plan").doesNotContain("Seq Scan on fingerprint_carried")
                    .containsPattern("Index (Only )?Scan using fingerprint_carried_pkey");
            assertThat(String.join("\n", changes)).as("changes plan").doesNotContain("Seq Scan")
                    .containsPattern("Index (Only )?Scan using fingerprint_change_pkey");
        } else {
            assertThat(runs).singleElement().asString().as("runs plan").doesNotContainIgnoringCase("tableScan")
                    .contains("FINGERPRINT = ?1").contains("GOV = C.GOV");
            assertThat(changes).singleElement().asString().as("changes plan").doesNotContainIgnoringCase("tableScan")
                    .contains("GOV = ?1").contains("REVISION > ?2").contains("/* index sorted */");
        }
    }

    /**
     * base, zora, the price oracle, bridge over base and zora, Atlas; then: 2 the oracle dropped (with notes hostile
     * to HTML), 3 zora replaced and bridge upgraded, 4 base's bump cut over, 5 zora's cutover, blocked until bridge
     * was upgraded. Base has a bump pending meanwhile; the handshake page is checked while both show.
     */
    private String livedThrough() {
        String name = govWithTwoLattices();
        String p = "/api/govs/" + name;
        ok(api.post(p + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}"));
        ok(api.post(p + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}"));
        ok(api.put(p + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":\"https://docs.example/atlas\"}"));
        ok(api.post(p + "/publications", "{\"notes\":\"first\"}"));
        // 2: a drop
        ok(api.delete(p + "/citizens/price-oracle", "{\"reason\":\"misbehaves\"}"));
        ok(api.post(p + "/publications", "{\"notes\":\"" + HOSTILE + "\"}"));
        // 3: a replacement, its confluence upgraded
        ok(api.post(p + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":7777777,"
                + "\"fingerprint\":\"" + fp(0x23) + "\"},\"reason\":\"new release\"}"));
        ok(api.put(p + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x45)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"2\"}"));
        ok(api.post(p + "/publications", "{\"notes\":\"zora ships a new release\"}"));
        // 4: a bump with its upgrade held, cut over
        Instant cutover = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        ok(api.post(p + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0xb1) + "\",\"cutoverAt\":\"" + cutover + "\"}"));
        ok(api.put(p + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x46)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"3\"}"));
        awaitRevision(p, 4);
        // 5: a cutover blocked for want of an upgrade, then published; base has a bump pending meanwhile
        Instant blockedCutover = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        ok(api.post(p + "/citizens/zora/bumps", "{\"fingerprint\":\"" + fp(0xc2) + "\",\"cutoverAt\":\""
                + blockedCutover + "\"}"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            awaitProjections();
            return get(p).json().path("pendingBumps").findValuesAsText("blocked").contains("true");
        });
        ok(api.post(p + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0xb2)
                + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}"));
        awaitProjections();
        String expected = null;
        for (JsonNode bump : get(p).json().path("pendingBumps")) {
            if (bump.path("citizen").asText().equals("base")) {
                expected = bump.path("expectedGovFingerprint").asText();
            }
        }
        String page = publicGet("/govs/" + name, "text/html").body();
        assertThat(page).contains("id=\"blocked-cutovers\"");
        assertThat(page.substring(page.indexOf("id=\"blocked-cutovers\""), page.indexOf("id=\"cutovers\"")))
                .contains("zora").contains("bridge").contains(blockedCutover.toString()).contains(fp(0xc2));
        assertThat(page.substring(page.indexOf("id=\"cutovers\""))).contains("base").contains("2099-01-01T00:00:00Z")
                .contains(fp(0xb2)).contains(expected);
        ok(api.put(p + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x47)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"4\"}"));
        awaitRevision(p, 5);
        return name;
    }

    private void awaitRevision(String p, long revision) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            awaitProjections();
            return get(p).json().path("published").path("revision").asLong() >= revision;
        });
    }

    private List<String> revisionRoots() {
        List<String> found = new ArrayList<>();
        publicGet(g() + "/revisions", "application/json").json()
                .forEach(revision -> found.add(revision.path("fingerprint").asText()));
        return found;
    }

    private JsonNode lookup(String fingerprint) {
        Api.Reply reply = publicGet("/api/fingerprints/" + fingerprint, "application/json");
        assertThat(reply.status()).as("lookup of %s: %s", fingerprint, reply).isEqualTo(200);
        assertThat(reply.json().path("fingerprint").asText()).isEqualTo(fingerprint.toLowerCase());
        return reply.json();
    }

    private static JsonNode onlyMatch(JsonNode lookup) {
        assertThat(lookup.path("matches")).as(lookup.toString()).hasSize(1);
        return lookup.path("matches").get(0);
    }

    private Api.Reply publicGet(String path, String accept) {
        return api.send("GET", path, null, "-X-Operator", "Accept", accept);
    }

    private long eventsOf(String name) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, name);
        return count == null ? 0 : count;
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("operator", "alice").and("correlationId", "bulk")));
    }

    private static String counted(int n) {
        return String.format("%064x", n);
    }

    private static void ok(Api.Reply reply) {
        assertThat(reply.status()).as("set-up call answered %s", reply).isBetween(200, 299);
    }
}
