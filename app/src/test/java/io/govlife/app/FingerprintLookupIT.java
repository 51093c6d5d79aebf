package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.Name;
import io.govlife.events.gov.Archetype;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.ServiceRef;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md v2 "Integrators' answers in public": the lookup by fingerprint answers, without a token, for the root of
 * every revision of a gov that dropped, replaced, bumped (through a blocked cutover), shipped a docs link alone and
 * retired; for a citizen's fingerprint; and a fingerprint no gov carried is a 404 problem. The handshake page shows
 * pending and blocked cutovers and the lookup form; the lookup is served from its index however long the history.
 */
class FingerprintLookupIT extends LiveApplication {

    @Autowired
    EventStore eventStore;
    @Autowired
    org.axonframework.common.transaction.TransactionManager transactionManager;

    private Api.Reply publicGet(String path, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("-X-Operator");
        return api.send("GET", path, null, all.toArray(String[]::new));
    }

    private JsonNode lookUp(String fingerprint) {
        Api.Reply reply = publicGet("/api/fingerprints/" + fingerprint);
        assertThat(reply.status()).as("lookup of %s: %s", fingerprint, reply).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode rootMatch(JsonNode lookup, String gov) {
        for (JsonNode match : lookup.path("matches")) {
            if (match.path("gov").asText().equals(gov) && match.path("kind").asText().equals("GOV_ROOT")) {
                return match;
            }
        }
        throw new AssertionError("no gov-root match for " + gov + " in " + lookup);
    }

    private static List<Long> numbers(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asLong() : node.path(field).asLong()));
        return values;
    }

    @Test
    void every_revisions_root_is_found_current_superseded_or_retired_with_the_changes_since() {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        List<String> roots = new ArrayList<>(List.of("none"));
        assertThat(api.post(g + "/organisms", "{\"role\":\"oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}").status())
                .isEqualTo(201);
        assertThat(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\",\"docsUrl\":"
                + "\"https://docs.example/bridge\"}").status()).isEqualTo(201);
        roots.add(publish(g, "<script>alert('first')</script>"));                          // 1
        assertThat(api.delete(g + "/citizens/oracle", "{\"reason\":\"misbehaves\"}").status()).isEqualTo(200);
        roots.add(publish(g, "oracle dropped"));                                             // 2
        assertThat(api.post(g + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":7777777,"
                + "\"fingerprint\":\"" + fp(0x23) + "\"}}").status()).isEqualTo(201);
        assertThat(api.post(g + "/confluences/bridge/confirmation", "{\"reason\":\"works with zora 23\"}").status())
                .isEqualTo(200);
        roots.add(publish(g, "zora replaced"));                                              // 3

        // base bumps; bridge spans it and is not upgraded in time: the cutover blocks, then completes
        Instant cutover = Instant.now().plusSeconds(3);
        assertThat(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99) + "\",\"cutoverAt\":\""
                + cutover + "\"}").status()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                publicGet("/govs/" + gov).body().contains("Blocked cutovers"));
        String page = publicGet("/govs/" + gov, "Accept", "text/html").body();
        assertThat(page).contains("Pending cutovers", "(blocked)", fp(0x99), "action=\"/fingerprints\"",
                "https://docs.example/bridge");
        assertThat(api.put(g + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x46)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"2\"}").status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                publicGet(g + "/config").header("Gov-Revision").equals("4"));
        roots.add(publicGet(g + "/config").header("ETag").replace("\"", ""));               // 4, the cutover
        assertThat(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":"
                + "\"https://docs.example/atlas/1\"}").status()).isEqualTo(200);
        roots.add(publish(g, "atlas shipped"));                                              // 5
        awaitProjections();
        String fifth = publicGet(g + "/config").header("ETag");
        assertThat(fifth).isEqualTo("\"" + roots.get(5) + "\"");
        assertThat(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":"
                + "\"https://docs.example/atlas/2\"}").status()).isEqualTo(200);
        roots.add(publish(g, "atlas docs moved"));                                           // 6, metadata only
        assertThat(roots.get(6)).as("a metadata revision keeps the root").isEqualTo(roots.get(5));
        awaitProjections();
        // a cache revalidating revision 5's body must get revision 6's, new docs link and all, not a 304
        Api.Reply sixth = publicGet(g + "/config", "If-None-Match", fifth);
        assertThat(sixth.status()).isEqualTo(200);
        assertThat(sixth.body()).contains("https://docs.example/atlas/2");
        assertThat(sixth.header("ETag")).isEqualTo("\"" + roots.get(6) + ".6\"");
        assertThat(publicGet(g + "/config", "If-None-Match", sixth.header("ETag")).status()).isEqualTo(304);

        for (int revision = 1; revision <= 4; revision++) {
            JsonNode match = rootMatch(lookUp(roots.get(revision)), gov);
            assertThat(match.path("status").asText()).as("root of %s", revision).isEqualTo("SUPERSEDED");
            assertThat(numbers(match.path("revisions"), null)).containsExactly((long) revision);
            assertThat(match.path("supersededBy").path("revision").asLong()).isEqualTo(revision + 1);
            assertThat(match.path("supersededBy").path("fingerprint").asText()).isEqualTo(roots.get(revision + 1));
            assertThat(numbers(match.path("changesSince"), "revision")).as("changes since %s", revision)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(revision + 1, 6).boxed().toList());
        }
        JsonNode first = rootMatch(lookUp(roots.get(1)), gov);
        JsonNode changes = first.path("changesSince");
        assertThat(changes.get(0).path("reason").asText()).isEqualTo("oracle dropped");
        assertThat(changes.get(0).path("what").asText()).contains("removed organism oracle");
        assertThat(changes.get(2).path("cutoverOf").asText()).isEqualTo("base");
        assertThat(changes.get(4).path("metadataOnly").asBoolean()).isTrue();
        assertThat(changes.get(4).path("what").asText()).contains("no recompile");
        JsonNode current = rootMatch(lookUp(roots.get(5)), gov);
        assertThat(current.path("status").asText()).isEqualTo("CURRENT");
        assertThat(numbers(current.path("revisions"), null)).containsExactly(5L, 6L);
        assertThat(current.path("changesSince")).isEmpty();
        assertThat(current.has("supersededBy") && !current.path("supersededBy").isNull()).isFalse();

        // a citizen's fingerprint: base at 11 until the cutover
        JsonNode base = null;
        for (JsonNode match : lookUp(fp(0x11)).path("matches")) {
            if (match.path("gov").asText().equals(gov)) {
                base = match;
            }
        }
        assertThat(base).isNotNull();
        assertThat(base.path("kind").asText()).isEqualTo("CITIZEN");
        assertThat(base.path("citizen").asText()).isEqualTo("base");
        assertThat(numbers(base.path("revisions"), null)).containsExactly(1L, 2L, 3L);
        assertThat(base.path("supersededBy").path("revision").asLong()).isEqualTo(4);

        // the public pages: revision rows say which is metadata only; the lookup as HTML escapes what operators wrote
        JsonNode revisions = publicGet(g + "/revisions").json();
        assertThat(revisions.get(5).path("metadataOnly").asBoolean()).isTrue();
        assertThat(revisions.get(4).path("metadataOnly").asBoolean()).isFalse();
        Api.Reply html = publicGet("/fingerprints?fp=" + roots.get(1), "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("SUPERSEDED", gov, "oracle dropped").doesNotContain("<script>alert");

        // retired: every root and citizen fingerprint of the gov says so
        assertThat(api.post(g + "/retirement", "{\"reason\":\"merged\"}").status()).isEqualTo(200);
        awaitProjections();
        JsonNode retired = rootMatch(lookUp(roots.get(5)), gov);
        assertThat(retired.path("status").asText()).isEqualTo("RETIRED");
        assertThat(retired.path("retiredAt").asText()).isNotBlank();
        assertThat(rootMatch(lookUp(roots.get(2)), gov).path("status").asText()).isEqualTo("RETIRED");
    }

    /**
     * The lookup page shows the reason of every revision since, so that is where operators' notes meet a browser:
     * revision 2's notes, hostile to HTML, on revision 1's page. On the handshake page: a bump announced inside the
     * minimum notice, flagged, blocked at its cutover for want of bridge's upgrade; and a bump far ahead with the
     * gov root it will publish.
     */
    @Test
    void the_lookup_page_escapes_operators_notes_and_the_handshake_page_shows_pending_and_blocked_bumps() {
        String gov = govWithTwoLattices();
        String g = "/api/govs/" + gov;
        bridgeAcrossBothLattices(g);
        String first = publish(g, "first");
        assertThat(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\"}").status()).isEqualTo(200);
        publish(g, "<script>alert('x')</script> & <b>bold</b>");
        awaitProjections();

        Api.Reply html = publicGet("/fingerprints?fp=" + first, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).doesNotContain("<script>alert").doesNotContain("<b>bold")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");

        assertThat(api.post(g + "/citizens/zora/bumps", "{\"fingerprint\":\"" + fp(0x24)
                + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}").status()).isEqualTo(201);
        Api.Reply shortNotice = api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x12)
                + "\",\"cutoverAt\":\"" + Instant.now().plusSeconds(1) + "\"}");
        assertThat(shortNotice.status()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                publicGet("/govs/" + gov, "Accept", "text/html").body().contains("Blocked cutovers"));
        awaitProjections();
        String expected = null;
        for (JsonNode bump : get(g).json().path("pendingBumps")) {
            if (bump.path("citizen").asText().equals("zora")) {
                expected = bump.path("expectedGovFingerprint").asText();
            }
        }
        assertThat(expected).hasSize(64);
        String page = publicGet("/govs/" + gov, "Accept", "text/html").body();
        String blocked = page.substring(page.indexOf("Blocked cutovers"), page.indexOf("Pending cutovers"));
        assertThat(blocked).contains("base", fp(0x12), "bridge");
        String pending = page.substring(page.indexOf("Pending cutovers"));
        assertThat(pending).contains("(short notice)", "2099-01-01T00:00:00Z", fp(0x24), expected);
        // a blocked cutover stays overdue forever: other suites of this application read the next cutover's time
        assertThat(api.post(g + "/retirement", "{\"reason\":\"done\"}").status()).isEqualTo(200);
    }

    private String publish(String g, String notes) {
        Api.Reply published = api.post(g + "/publications", "{\"notes\":\"" + notes.replace("\"", "\\\"") + "\"}");
        assertThat(published.status()).as("publish: %s", published).isEqualTo(201);
        return published.json().path("publishedFingerprint").asText();
    }

    @Test
    void an_unknown_or_malformed_fingerprint_is_a_problem_and_an_answer_may_be_cached() {
        Api.Reply unknown = publicGet("/api/fingerprints/" + "e".repeat(64));
        BadInputIT.assertProblem(unknown, 404, "fingerprint");
        BadInputIT.assertProblem(publicGet("/api/fingerprints/not-a-fingerprint"), 400, "fingerprint");
        Api.Reply unknownPage = publicGet("/fingerprints?fp=" + "e".repeat(64), "Accept", "text/html");
        assertThat(unknownPage.status()).isEqualTo(404);
        assertThat(unknownPage.body()).contains("No gov ever published");
        assertThat(publicGet("/fingerprints?fp=%3Cscript%3E", "Accept", "text/html").body())
                .doesNotContain("<script>");
        assertThat(publicGet("/fingerprints", "Accept", "text/html").body()).contains("<form method=\"get\"");

        String gov = govWithTwoLattices();
        Api.Reply published = api.post("/api/govs/" + gov + "/publications", "{}");
        String root = published.json().path("publishedFingerprint").asText();
        awaitProjections();
        Api.Reply found = publicGet("/api/fingerprints/" + root.toUpperCase());
        assertThat(found.status()).as("upper case is the same fingerprint").isEqualTo(200);
        assertThat(found.header("Cache-Control")).contains("max-age=30").contains("public");
        String etag = found.header("ETag");
        assertThat(publicGet("/api/fingerprints/" + root, "If-None-Match", etag).status()).isEqualTo(304);

        // immutable revisions may be kept for good, the current config briefly; private pages never
        String g = "/api/govs/" + gov;
        assertThat(publicGet(g + "/config?revision=1").header("Cache-Control")).contains("immutable");
        assertThat(publicGet(g + "/config").header("Cache-Control")).contains("max-age=30");
        assertThat(publicGet(g + "/revisions/1/diff/1").header("Cache-Control")).contains("immutable");
        Api.Reply list = publicGet(g + "/revisions");
        assertThat(publicGet(g + "/revisions", "If-None-Match", list.header("ETag")).status()).isEqualTo(304);
        assertThat(publicGet(g + "/config", "If-None-Match", "\"" + root + "\"").status()).isEqualTo(304);
        assertThat(get(g + "/history").header("Cache-Control")).contains("no-store");
        assertThat(get(g + "/notices").header("Cache-Control")).contains("no-store");
        assertThat(get(g).header("Cache-Control")).as("the operators' view of the gov").contains("no-store");
        // a 304 tells a cache how long it may keep what it has, as the 200 did
        assertThat(publicGet("/api/fingerprints/" + root, "If-None-Match", etag).header("Cache-Control"))
                .isEqualTo(found.header("Cache-Control"));
        Api.Reply numbered = publicGet(g + "/config?revision=1");
        assertThat(publicGet(g + "/config?revision=1", "If-None-Match", numbered.header("ETag")).header("Cache-Control"))
                .isEqualTo(numbered.header("Cache-Control")).contains("immutable");
    }

    @Test
    void an_unknown_gov_is_an_html_page_for_a_browser_and_a_problem_for_an_api_client() {
        Api.Reply browser = publicGet("/govs/no-such-gov-here", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.contentType()).startsWith("text/html");
        assertThat(browser.body()).contains("No such gov", "action=\"/fingerprints\"");
        Api.Reply client = publicGet("/govs/no-such-gov-here", "Accept", "application/json");
        BadInputIT.assertProblem(client, 404, "gov");
    }

    /**
     * Not a timing: the plans of the lookup's own queries on a gov with more than 10,000 events use the primary keys,
     * on H2 and on PostgreSQL, so the answer does not grow slower with a gov's history.
     */
    @Test
    void the_lookup_reads_its_index_on_a_gov_with_ten_thousand_events() {
        String gov = uniqueGov();
        Name name = Name.of(gov);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(message(gov, 0, new GovCreated(name, Archetype.SERVICE, null,
                GovConfig.empty(name).fingerprint(), "alice")));
        GovConfig previous = null;
        for (int revision = 1; revision <= 10_000; revision++) {
            GovConfig config = GovConfig.empty(name).with(new ServiceRef(BasicService.ATLAS,
                    Fingerprint.of(String.format("%064x", revision)), null));
            events.add(message(gov, revision, new GovConfigPublished(name, revision, config.fingerprint(),
                    previous == null ? null : previous.fingerprint(), config, "release " + revision, null)));
            previous = config;
        }
        for (int from = 0; from < events.size(); from += 500) {
            List<DomainEventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + 500));
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        awaitProjections();
        String firstAtlas = String.format("%064x", 1);
        JsonNode lookup = lookUp(firstAtlas);
        assertThat(lookup.path("matches").get(0).path("changesSince")).hasSize(1000);

        String run = "select fingerprint, gov, kind, member, first_revision, last_revision from fingerprint_run "
                + "where fingerprint = '" + firstAtlas + "' order by gov, kind, member, first_revision";
        String change = "select revision, fingerprint, published_at, what, reason, cutover_of, metadata_only "
                + "from fingerprint_change where gov = '" + gov + "' and revision > 1 order by gov, revision limit 1000";
        String last = "select revision, retired_at from fingerprint_gov where gov = '" + gov + "'";
        if (ON_POSTGRES) {
            jdbc.execute("analyze fingerprint_run");
            jdbc.execute("analyze fingerprint_change");
            jdbc.execute("analyze fingerprint_gov");
            for (String sql : List.of(run, change, last)) {
                String plan = String.join("\n", jdbc.queryForList("explain " + sql, String.class));
                assertThat(plan).as(sql).contains("Index").doesNotContain("Seq Scan");
            }
        } else {
            for (String sql : List.of(run, change, last)) {
                String plan = String.join("\n", jdbc.queryForList("explain " + sql, String.class));
                assertThat(plan).as(sql).doesNotContainIgnoringCase("tableScan").containsIgnoringCase("PRIMARY_KEY");
            }
            // read in key order up to the limit, not all 9,999 later revisions read and sorted to keep 1,000
            assertThat(String.join("\n", jdbc.queryForList("explain " + change, String.class)))
                    .contains("/* index sorted */");
        }
    }

    private static DomainEventMessage<?> message(String gov, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Gov", gov, sequence, payload);
    }
}
