package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Citizens' operators and integrators (DOMAIN.md v2), as notices: inclusion at publication, never for a draft, again
 * after a replacement, e-mail contacts listed to notify by hand; metadata-only publications and docs links; urgent
 * short-notice and catch-up bumps; a citizen's operator reading its citizen's notices and nothing else of the gov.
 */
class CitizenNoticesIT extends NoticeFixtures {

    @Test
    void inclusion_is_told_at_publication_never_for_a_draft_and_again_after_a_replacement() throws Exception {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/lattices", lattice("base", 0x11, receiver.url("/base-ops"))));
        ok(api.post(g + "/organisms", "{\"role\":\"second-oracle\",\"fingerprint\":\"" + fp(0x34)
                + "\",\"operatorContact\":\"ops@oracle.example\"}"));
        ok(api.post(g + "/lattices", lattice("zora", 0x22, receiver.url("/zora-ops"))));
        ok(api.delete(g + "/citizens/zora", "{\"reason\":\"not this time\"}"));
        awaitProjections();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> receiver.all().isEmpty());
        assertThat(kinds(await().atMost(Duration.ofSeconds(10)).until(() -> noticesOnceKnown(gov, "alice"),
                Objects::nonNull))).doesNotContain("INCLUSION");

        ok(api.post(g + "/publications", "{}"));
        JsonNode inclusion = awaitNoticeBody("/base-ops", b -> "INCLUSION".equals(b.path("kind").asText()));
        assertThat(inclusion.path("citizen").asText()).isEqualTo("base");
        assertThat(inclusion.path("revision").asLong()).isEqualTo(1);
        assertThat(inclusion.path("citizenFingerprint").asText()).isEqualTo(fp(0x11));
        assertThat(signedWithThePublicNoticeKey(receiver.at("/base-ops").get(0))).isTrue();

        JsonNode manual = awaitNotice(n -> "INCLUSION".equals(n.path("kind").asText())
                && "second-oracle".equals(n.path("citizen").asText()));
        assertThat(manual.path("status").asText()).isEqualTo("MANUAL");
        assertThat(manual.path("targetUrl").asText()).isEqualTo("mailto:ops@oracle.example");

        // a republication that leaves the citizens as they were (a metadata revision): nobody is told again
        ok(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\"}"));
        ok(api.post(g + "/publications", "{}"));
        awaitRevision("/acme", 2);

        ok(api.post(g + "/citizens/base/replacement", "{\"lattice\":" + lattice("base", 0x12,
                receiver.url("/base-ops")) + ",\"reason\":\"new operator, new lattice\"}"));
        awaitProjections();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.at("/base-ops").size() == 1);
        ok(api.post(g + "/publications", "{}"));
        JsonNode again = awaitRevision("/base-ops", 3);
        assertThat(again.path("citizenFingerprint").asText()).isEqualTo(fp(0x12));
        awaitRevision("/acme", 3);
        awaitProjections();
        assertThat(receiver.at("/base-ops")).hasSize(2);
        assertThat(receiver.at("/zora-ops")).isEmpty();

        List<JsonNode> inclusions = new ArrayList<>();
        notices(gov, "alice").path("items").forEach(n -> {
            if ("INCLUSION".equals(n.path("kind").asText())) {
                inclusions.add(n);
            }
        });
        assertThat(inclusions).extracting(n -> n.path("citizen").asText())
                .containsExactlyInAnyOrder("base", "second-oracle", "base");
        // listed, never attempted; an operator records having passed it on
        JsonNode listed = awaitNotice(n -> "MANUAL".equals(n.path("status").asText()));
        assertThat(listed.path("attempts").asInt()).isZero();
        assertThat(listed.path("attemptLog")).isEmpty();
        String done = g + "/notices/" + listed.path("id").asText() + "/done";
        assertThat(ok(api.post(done, null)).json().path("status").asText()).isEqualTo("DONE_BY_HAND");
        assertThat(ok(api.post(done, null)).json().path("status").asText()).isEqualTo("DONE_BY_HAND");
        BadInputIT.assertProblem(api.post(g + "/notices/" + inclusion.path("id").asText() + "/done", null), 404,
                "noticeId");
    }

    @Test
    void publication_notices_link_the_docs_of_what_shipped_and_a_metadata_revision_says_no_recompile() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/organisms", "{\"role\":\"second-oracle\",\"fingerprint\":\"" + fp(0x34) + "\"}"));
        ok(api.post(g + "/confluences", confluence(0x44, "1", "https://docs.example/bridge")));
        putAtlas("https://docs.example/atlas");
        JsonNode first = publishAndAwaitRevision(1);
        assertThat(first.path("recompile").asBoolean()).isTrue();
        assertThat(first.path("metadataOnly").asBoolean()).isFalse();
        assertThat(docs(first)).containsExactlyInAnyOrder("ATLAS https://docs.example/atlas",
                "oracle-bridge https://docs.example/bridge");

        putAtlas("https://docs.example/atlas/v2");
        JsonNode metadata = publishAndAwaitRevision(2);
        assertThat(metadata.path("metadataOnly").asBoolean()).isTrue();
        assertThat(metadata.path("recompile").asBoolean()).isFalse();
        assertThat(metadata.path("newGovFingerprint").asText()).isEqualTo(first.path("newGovFingerprint").asText());
        assertThat(docs(metadata)).containsExactly("ATLAS https://docs.example/atlas/v2");

        ok(api.put(g + "/confluences/oracle-bridge", confluence(0x45, "2", "https://docs.example/bridge/v2")));
        JsonNode upgrade = publishAndAwaitRevision(3);
        assertThat(upgrade.path("recompile").asBoolean()).isTrue();
        assertThat(docs(upgrade)).containsExactly("oracle-bridge https://docs.example/bridge/v2");
    }

    @Test
    void a_short_notice_bump_is_announced_urgent_and_a_catch_up_with_how_late_it_is() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/publications", "{}"));
        // the tests' minimum notice is 2 s
        Instant soon = Instant.now().plusMillis(1500);
        Api.Reply shortNotice = ok(api.post(g + "/citizens/price-oracle/bumps", bump(0x99, soon)));
        assertThat(shortNotice.json().path("shortNotice").asBoolean()).as("%s", shortNotice).isTrue();
        JsonNode urgent = awaitNoticeBody("/acme", b -> "BUMP_SCHEDULED".equals(b.path("kind").asText()));
        assertThat(urgent.path("urgent").asBoolean()).isTrue();
        assertThat(urgent.path("shortNotice").asBoolean()).isTrue();
        assertThat(urgent.path("catchUp").asBoolean()).isFalse();
        assertThat(urgent.has("lateBy")).isFalse();
        awaitRevision("/acme", 2);

        Instant movedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Api.Reply late = ok(api.post(g + "/citizens/price-oracle/bumps", bump(0x9a, movedAt)));
        assertThat(late.json().path("catchUp").asBoolean()).isTrue();
        assertThat(late.json().path("publishedRevision").asLong()).as("published at once").isEqualTo(3);
        JsonNode catchUp = awaitNoticeBody("/acme", b -> "BUMP_SCHEDULED".equals(b.path("kind").asText())
                && b.path("catchUp").asBoolean());
        assertThat(catchUp.path("urgent").asBoolean()).isTrue();
        assertThat(Duration.parse(catchUp.path("lateBy").asText())).isBetween(Duration.ofHours(2),
                Duration.ofHours(2).plusMinutes(1));
        assertThat(catchUp.path("cutoverAt").asText()).isEqualTo(movedAt.toString());
        JsonNode publication = awaitRevision("/acme", 3);
        assertThat(publication.path("newGovFingerprint").asText())
                .isEqualTo(catchUp.path("newGovFingerprint").asText());

        // the saga neither cuts over again nor reminds anyone: nothing is pending, nothing more arrives
        awaitProjections();
        await().atMost(Duration.ofSeconds(5)).until(() -> notices(gov, "alice").path("pendingBumps").isEmpty());
        int received = receiver.at("/acme").size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.at("/acme").size() == received);
        assertThat(receiver.at("/acme").stream().map(r -> json(r.body()).path("kind").asText()))
                .doesNotContain("BUMP_REMINDER", "BUMP_BLOCKED");
        assertThat(get(g + "/revisions").json()).hasSize(3);
    }

    @Test
    void a_citizen_operator_reads_its_citizen_s_notices_and_nothing_else_of_the_gov() {
        register("acme-wallet", "/acme");
        ok(api.post(g + "/lattices", lattice("base", 0x11, "ops@base.example")));
        ok(api.post(g + "/citizens/base/operators", "{\"operator\":\"carol\"}"));
        ok(api.post(g + "/publications", "{}"));
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        ok(api.post(g + "/citizens/base/bumps", bump(0x19, later), "X-Operator", "carol"));
        ok(api.post(g + "/citizens/price-oracle/bumps", bump(0x39, later)));
        awaitNotice(n -> "BUMP_SCHEDULED".equals(n.path("kind").asText())
                && "price-oracle".equals(n.path("citizen").asText()));

        JsonNode carols = await().atMost(Duration.ofSeconds(10)).until(() -> noticesOnceKnown(gov, "carol"),
                n -> n != null && kinds(n).contains("BUMP_SCHEDULED") && kinds(n).contains("INCLUSION"));
        carols.path("items").forEach(n -> {
            assertThat(n.path("citizen").asText()).isEqualTo("base");
            assertThat(n.path("kind").asText()).isIn("INCLUSION", "BUMP_SCHEDULED");
        });
        JsonNode bumpNotice = find(carols, n -> "BUMP_SCHEDULED".equals(n.path("kind").asText()));
        assertThat(bumpNotice.path("integrator").isNull()).as("integrators are the gov's").isTrue();
        assertThat(bumpNotice.path("targetUrl").isNull()).isTrue();
        assertThat(carols.toString()).doesNotContain("acme-wallet").doesNotContain(receiver.url("/acme"));
        assertThat(find(carols, n -> "INCLUSION".equals(n.path("kind").asText())).path("targetUrl").asText())
                .isEqualTo("mailto:ops@base.example");
        assertThat(carols.path("total").asLong()).isEqualTo(carols.path("items").size());
        assertThat(carols.path("pendingBumps")).hasSize(1);
        assertThat(carols.path("pendingBumps").get(0).path("citizen").asText()).isEqualTo("base");
        assertThat(carols.path("pendingBumps").get(0).path("unacknowledged").isNull()).isTrue();
        assertThat(carols.path("pendingBumps").get(0).path("unacknowledgedCount").asInt()).isEqualTo(1);
        assertThat(ok(api.send("GET", g + "/notices?citizen=base", null, "X-Operator", "carol")).json()
                .path("total").asLong()).isEqualTo(carols.path("total").asLong());

        // the gov's owner still sees everything
        JsonNode alices = notices(gov, "alice");
        assertThat(kinds(alices)).contains("PUBLICATION");
        assertThat(alices.path("total").asLong()).isGreaterThan(carols.path("total").asLong());

        BadInputIT.assertProblem(api.send("GET", g + "/notices?citizen=price-oracle", null, "X-Operator", "carol"),
                403, "citizen");
        Api.Reply acting = api.post(g + "/notices/" + bumpNotice.path("id").asText() + "/redelivery", null,
                "X-Operator", "carol");
        BadInputIT.assertProblem(acting, 403, "operator");
        assertThat(acting.json().path("type").asText()).endsWith("citizen-operator-limits");

        String other = uniqueGov();
        ok(api.post("/api/govs", "{\"name\":\"" + other + "\",\"archetype\":\"SERVICE\"}"));
        Api.Reply elsewhere = api.send("GET", "/api/govs/" + other + "/notices", null, "X-Operator", "carol");
        BadInputIT.assertProblem(elsewhere, 403, "operator");
        assertThat(elsewhere.json().path("type").asText()).endsWith("not-an-operator");

        ok(api.delete(g + "/citizens/base/operators/carol", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", g + "/notices", null, "X-Operator", "carol")
                .status() == 403);
    }

    // ---- helpers

    private void putAtlas(String docsUrl) {
        ok(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x55) + "\",\"docsUrl\":\"" + docsUrl + "\"}"));
    }

    /** Publishes, and waits for acme-wallet to be told of that revision. */
    private JsonNode publishAndAwaitRevision(long revision) {
        ok(api.post(g + "/publications", "{}"));
        return awaitRevision("/acme", revision);
    }

    private JsonNode awaitRevision(String path, long revision) {
        return awaitNoticeBody(path, b -> b.path("revision").asLong() == revision);
    }

    private static String lattice(String name, int fingerprint, String contact) {
        return "{\"name\":\"" + name + "\",\"chainId\":8453,\"fingerprint\":\"" + fp(fingerprint)
                + "\",\"operatorContact\":\"" + contact + "\"}";
    }

    private static String confluence(int fingerprint, String version, String docsUrl) {
        return "{\"name\":\"oracle-bridge\",\"fingerprint\":\"" + fp(fingerprint) + "\",\"spans\":[\"price-oracle\","
                + "\"second-oracle\"],\"stateMachineVersion\":\"" + version + "\",\"docsUrl\":\"" + docsUrl + "\"}";
    }

    private static String bump(int fingerprint, Instant cutoverAt) {
        return "{\"fingerprint\":\"" + fp(fingerprint) + "\",\"cutoverAt\":\"" + cutoverAt + "\"}";
    }

    private JsonNode notices(String ofGov, String operator) {
        return ok(api.send("GET", "/api/govs/" + ofGov + "/notices?size=200", null, "X-Operator", operator)).json();
    }

    private static List<String> kinds(JsonNode notices) {
        List<String> kinds = new ArrayList<>();
        notices.path("items").forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    private static List<String> docs(JsonNode body) {
        List<String> docs = new ArrayList<>();
        body.path("docs").forEach(d -> docs.add(d.path("name").asText() + " " + d.path("url").asText()));
        return docs;
    }

    private static JsonNode find(JsonNode notices, Predicate<JsonNode> wanted) {
        for (JsonNode notice : notices.path("items")) {
            if (wanted.test(notice)) {
                return notice;
            }
        }
        throw new AssertionError("no such notice in " + notices);
    }

    /** How a citizen's operator checks a notice: with the key anyone may fetch, no token, no shared secret. */
    private boolean signedWithThePublicNoticeKey(WebhookReceiver.Received notice) throws Exception {
        Api.Reply key = api.send("GET", "/api/notices/signing-key", null, "-X-Operator");
        assertThat(key.status()).as("%s", key).isEqualTo(200);
        byte[] raw = Base64.getDecoder().decode(key.json().path("publicKey").asText().substring("whpk_".length()));
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] encoded = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        ed25519.update((notice.header("webhook-id") + "." + notice.header("webhook-timestamp") + "." + notice.body())
                .getBytes(StandardCharsets.UTF_8));
        String signature = notice.header("webhook-signature");
        assertThat(signature).startsWith("v1a,");
        return ed25519.verify(Base64.getDecoder().decode(signature.substring("v1a,".length())));
    }
}
