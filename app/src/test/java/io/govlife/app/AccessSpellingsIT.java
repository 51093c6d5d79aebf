package io.govlife.app;

import io.govlife.GovlifeApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: however an attacker spells a protected request — percent-encoded letters, encoded slashes and dots,
 * {@code //}, {@code /./}, {@code /../}, {@code ;param}, trailing slashes, upper case, backslashes, double
 * encoding, control characters, absolute-form targets, HEAD/OPTIONS, method-override headers and parameters — and
 * whatever insufficient credential it carries (none, forged, malformed, Basic, revoked, expired, in the query,
 * another role's), the answer is never a success, and neither a token nor an event is written. Requests go over a
 * raw socket, byte for byte as spelled: an HTTP client library would normalise some spellings away.
 */
class AccessSpellingsIT {

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static int port;
    private static final String GOV = "spellings.gov";

    private static String adminToken;
    private static String operatorToken;
    /** Named operator of citizen base of the gov: it announces base's bumps and reads its notices, nothing else. */
    private static String citizenOperatorToken;
    private static String revokedAdminToken;
    private static String expiredAdminToken;
    private static String victimTokenId;

    /**
     * What a request needs: an admin, an operator's or admin's token, an operator token (not admin), the gov's own
     * operator, or any token at all (a gov's notices, which a citizen operator reads too, filtered to its citizen), or
     * any token but an admin's (the citizens the token was named operator of: an admin operates none).
     */
    enum Needs { ADMIN, ANY_TOKEN, OPERATOR, OWNER, NOTICES, OPERATES_CITIZENS }

    record Protected(String method, String path, String body, Needs needs) {
    }

    enum Credential { NONE, FORGED, MALFORMED, BASIC, LOWERCASE_FORGED, REVOKED_ADMIN, EXPIRED_ADMIN, ADMIN_IN_QUERY,
        OPERATOR, ADMIN, NON_OWNER, CITIZEN_OPERATOR }

    enum Spelling {
        PLAIN, ENCODED_LETTER, ENCODED_SLASH, DOT_SEGMENT, ENCODED_DOT_SEGMENT, DOTDOT_SEGMENT, ENCODED_DOTDOT,
        DOUBLE_SLASH, PATH_PARAMETER, ENCODED_SEMICOLON, TRAILING_SLASH, TRAILING_DOT, UPPER_CASE, BACKSLASH,
        ENCODED_BACKSLASH, DOUBLE_ENCODED, CONTROL_CHARACTER, ABSOLUTE_FORM, QUERY_AND_FRAGMENT
    }

    enum MethodTrick { SAME, HEAD, OPTIONS, OVERRIDE_HEADER, OVERRIDE_PARAMETER, LOWER_CASE_METHOD }

    record Attempt(Protected request, List<Spelling> spellings, Credential credential, MethodTrick trick,
                   long seed) {
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(GovlifeApplication.class).run("--server.port=0",
                "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.security.rate-limits.failed-authentications=1000000",
                "--govlife.data-dir=" + LiveApplication.freshDataDir(), "--logging.level.root=error");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port);
        jdbc = app.getBean(JdbcTemplate.class);
        String g = "/api/govs/" + GOV;
        api.post("/api/govs", "{\"name\":\"" + GOV + "\",\"archetype\":\"ECOSYSTEM\"}");
        api.post(g + "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + LiveApplication.fp(1)
                + "\"}");
        api.post(g + "/lattices", "{\"name\":\"zora\",\"chainId\":7777777,\"fingerprint\":\"" + LiveApplication.fp(2)
                + "\"}");
        adminToken = issue("root", true);
        operatorToken = api.bearer("alice").substring("Bearer ".length());
        api.bearer("mallory");
        revokedAdminToken = issue("ex-admin", true);
        assertThat(api.asAdmin("DELETE", "/api/admin/tokens/" + tokenId("ex-admin"), null).status()).isEqualTo(204);
        expiredAdminToken = issue("old-admin", true);
        jdbc.update("update operator_token set expires_at = ? where operator = 'old-admin'",
                Timestamp.from(Instant.now().minusSeconds(60)));
        Api.Reply citizenOperator = api.asAdmin("POST", "/api/admin/tokens",
                "{\"operator\":\"spell-citizen-op\",\"citizenOperator\":true}");
        assertThat(citizenOperator.status()).isEqualTo(201);
        citizenOperatorToken = citizenOperator.json().path("token").asText();
        assertThat(api.post(g + "/citizens/base/operators", "{\"operator\":\"spell-citizen-op\"}").status())
                .isEqualTo(201);
        issue("victim", false);
        victimTokenId = tokenId("victim");
    }

    @AfterContainer
    static void stop() {
        if (app != null) { // a failed start is reported by BeforeContainer, not hidden behind a NullPointerException
            app.close();
        }
    }

    static List<Protected> protectedRequests() {
        String g = "/api/govs/" + GOV;
        return List.of(
                new Protected("POST", "/api/admin/tokens", "{\"operator\":\"evil\",\"admin\":true}", Needs.ADMIN),
                new Protected("GET", "/api/admin/tokens", null, Needs.ADMIN),
                new Protected("DELETE", "/api/admin/tokens/" + victimTokenId, null, Needs.ADMIN),
                new Protected("GET", "/api/admin/projections", null, Needs.ADMIN),
                new Protected("POST", "/api/admin/projections/composition/replay", null, Needs.ADMIN),
                new Protected("GET", "/api/admin/projections/segments", null, Needs.ADMIN),
                new Protected("GET", "/api/admin/notices?status=FAILED", null, Needs.ADMIN),
                new Protected("POST", "/api/admin/notices/" + GOV + "/msg_none/redelivery", null, Needs.ADMIN),
                new Protected("GET", "/api/me/citizens", null, Needs.OPERATES_CITIZENS),
                new Protected("GET", "/actuator/prometheus", null, Needs.ADMIN),
                new Protected("GET", "/actuator/metrics", null, Needs.ADMIN),
                new Protected("GET", "/actuator/info", null, Needs.ADMIN),
                new Protected("GET", "/api/govs", null, Needs.ANY_TOKEN),
                new Protected("GET", g, null, Needs.ANY_TOKEN),
                new Protected("GET", g + "/history", null, Needs.ANY_TOKEN),
                new Protected("GET", g + "/audit", null, Needs.ANY_TOKEN),
                new Protected("GET", g + "/notices", null, Needs.NOTICES),
                new Protected("GET", g + "/stream", null, Needs.ANY_TOKEN),
                new Protected("GET", "/api/reports/bumps", null, Needs.ANY_TOKEN),
                new Protected("POST", "/api/govs", "{\"name\":\"evil.gov\",\"archetype\":\"SERVICE\"}", Needs.OPERATOR),
                new Protected("POST", g + "/organisms", "{\"role\":\"evil-oracle\",\"fingerprint\":\""
                        + LiveApplication.fp(9) + "\"}", Needs.OWNER),
                new Protected("POST", g + "/publications", "{}", Needs.OWNER),
                new Protected("DELETE", g + "/citizens/base", "{\"reason\":\"evil\"}", Needs.OWNER),
                new Protected("POST", g + "/retirement", "{\"reason\":\"evil\"}", Needs.OWNER),
                new Protected("POST", g + "/citizens/zora/bumps", "{\"fingerprint\":\"" + LiveApplication.fp(8)
                        + "\",\"cutoverAt\":\"2030-01-01T00:00:00Z\"}", Needs.OWNER),
                new Protected("DELETE", g + "/citizens/zora/bumps/current", null, Needs.OWNER),
                new Protected("POST", g + "/citizens/zora/operators", "{\"operator\":\"evil\"}", Needs.OWNER));
    }

    /** The credentials that are not enough for the request. */
    static List<Credential> insufficientFor(Needs needs) {
        List<Credential> all = new ArrayList<>(List.of(Credential.NONE, Credential.FORGED, Credential.MALFORMED,
                Credential.BASIC, Credential.LOWERCASE_FORGED, Credential.REVOKED_ADMIN, Credential.EXPIRED_ADMIN,
                Credential.ADMIN_IN_QUERY));
        switch (needs) {
            case ADMIN -> all.addAll(List.of(Credential.OPERATOR, Credential.CITIZEN_OPERATOR));
            case OPERATOR -> all.addAll(List.of(Credential.ADMIN, Credential.CITIZEN_OPERATOR));
            case OWNER -> all.addAll(List.of(Credential.ADMIN, Credential.NON_OWNER, Credential.CITIZEN_OPERATOR));
            case ANY_TOKEN -> all.add(Credential.CITIZEN_OPERATOR);
            case OPERATES_CITIZENS -> all.add(Credential.ADMIN);
            case NOTICES -> { }
        }
        return all;
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        List<Protected> requests = protectedRequests();
        return Arbitraries.of(requests).flatMap(request -> Combinators.combine(
                Arbitraries.of(Spelling.class).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(insufficientFor(request.needs())),
                Arbitraries.of(MethodTrick.class),
                Arbitraries.longs()).as((spellings, credential, trick, seed) ->
                new Attempt(request, spellings, credential, trick, seed)));
    }

    @Property(tries = 600)
    void no_spelling_with_an_insufficient_credential_succeeds(@ForAll("attempts") Attempt attempt) {
        // shrinking may pair a request with a credential generated for another one
        Assume.that(insufficientFor(attempt.request().needs()).contains(attempt.credential()));
        assertRefused(attempt);
    }

    /** Every spelling alone, every method trick, every insufficient credential, on every protected request. */
    @Example
    void every_single_spelling_trick_and_credential_is_refused_on_every_protected_request() {
        for (Protected request : protectedRequests()) {
            for (Spelling spelling : Spelling.values()) {
                for (Credential credential : insufficientFor(request.needs())) {
                    assertRefused(new Attempt(request, List.of(spelling), credential, MethodTrick.SAME, 7));
                }
            }
            for (MethodTrick trick : MethodTrick.values()) {
                assertRefused(new Attempt(request, List.of(Spelling.PLAIN), Credential.NONE, trick, 7));
            }
        }
    }

    /**
     * The refusals above mean something: spelled with an encoded letter, the request does reach the handler when the
     * right token comes with it, so only the credential stands in the way.
     */
    @Example
    void an_encoded_spelling_reaches_the_handler_with_the_right_token() {
        assertThat(send("GET", "/%61pi/admin/tokens", List.of("Authorization", "Bearer " + adminToken), null).status())
                .isEqualTo(200);
        List<String> operator = List.of("Authorization", "Bearer " + operatorToken);
        // the history is a read model: wait until the plain spelling finds the gov there
        Awaitility.await().until(() -> send("GET", "/api/govs/" + GOV + "/history", operator, null).status() == 200);
        assertThat(send("GET", "/api/govs/" + GOV + "/%68istory", operator, null).status()).isEqualTo(200);
        assertThat(send("GET", "/%61ctuator/prometheus", List.of("Authorization", "Bearer " + adminToken), null)
                .status()).isEqualTo(200);
        // the citizen operator's bump reaches the gov, which refuses it for its own reason: nothing is published yet
        RawHttp.Reply bump = send("POST", "/api/govs/" + GOV + "/citizens/base/%62umps", List.of("Authorization",
                "Bearer " + citizenOperatorToken, "Content-Type", "application/json"), "{\"fingerprint\":\""
                + LiveApplication.fp(8) + "\",\"cutoverAt\":\"2030-01-01T00:00:00Z\"}");
        assertThat(bump.status()).as("%s", bump.head()).isEqualTo(409);
    }

    /**
     * However an anonymous caller spells the citizens a token operates, it is asked for a token (401), unless the
     * firewall refuses the spelling outright (400): never the answer, and never a 404 or 403 that would tell it more.
     */
    @Example
    void an_anonymous_caller_is_asked_for_a_token_on_every_spelling_of_the_citizens_it_operates() {
        List<Spelling> reachingAuthentication = List.of(Spelling.PLAIN, Spelling.ENCODED_LETTER,
                Spelling.TRAILING_SLASH, Spelling.UPPER_CASE, Spelling.ABSOLUTE_FORM, Spelling.QUERY_AND_FRAGMENT);
        for (Spelling spelling : Spelling.values()) {
            for (long seed = 0; seed < 4; seed++) {
                String target = spell(spelling, "/api/me/citizens", new Random(seed));
                for (String method : List.of("GET", "HEAD")) {
                    RawHttp.Reply reply = send(method, target, List.of(), null);
                    assertThat(reply.status()).as("%s %s", method, target).isIn(400, 401);
                    if (reachingAuthentication.contains(spelling)) {
                        assertThat(reply.status()).as("%s %s", method, target).isEqualTo(401);
                    }
                }
            }
        }
    }

    @Example
    void the_issues_request_is_refused_and_mints_nothing() {
        long tokens = count("operator_token");
        RawHttp.Reply reply = send("POST", "/%61pi/admin/tokens", List.of("Content-Type", "application/json"),
                "{\"operator\":\"evil\",\"admin\":true}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.head()).contains("application/problem+json");
        reply = send("GET", "/api;x/admin/tokens", List.of(), null);
        assertThat(reply.status()).isEqualTo(400);
        reply = send("POST", "/api/admin;x/tokens", List.of("Authorization", "Bearer " + operatorToken,
                "Content-Type", "application/json"), "{\"operator\":\"m\",\"admin\":true}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(count("operator_token")).isEqualTo(tokens);
    }

    private static void assertRefused(Attempt attempt) {
        long tokens = count("operator_token");
        long revoked = count("operator_token where revoked_at is not null");
        long events = count("domain_event_entry");
        Random random = new Random(attempt.seed());
        String target = attempt.request().path();
        for (Spelling spelling : attempt.spellings()) {
            target = spell(spelling, target, random);
        }
        List<String> headers = new ArrayList<>();
        String method = attempt.request().method();
        switch (attempt.trick()) {
            case SAME -> { }
            case HEAD -> method = method.equals("GET") ? "HEAD" : method;
            case OPTIONS -> method = "OPTIONS";
            case OVERRIDE_HEADER -> {
                headers.addAll(List.of("X-HTTP-Method-Override", method, "X-HTTP-Method", method,
                        "X-Method-Override", method));
                method = method.equals("GET") ? "POST" : "GET";
            }
            case OVERRIDE_PARAMETER -> {
                target = target + (target.contains("?") ? "&" : "?") + "_method=" + method;
                method = method.equals("GET") ? "POST" : "GET";
            }
            case LOWER_CASE_METHOD -> method = method.toLowerCase(Locale.ROOT);
        }
        switch (attempt.credential()) {
            case NONE -> { }
            case FORGED -> headers.addAll(List.of("Authorization", "Bearer glt_forged" + attempt.seed()));
            case MALFORMED -> headers.addAll(List.of("Authorization", "Bearer " + adminToken + " " + adminToken));
            case BASIC -> headers.addAll(List.of("Authorization", "Basic YWRtaW46Y2hhbmdlLW1lLWFkbWlu"));
            case LOWERCASE_FORGED -> headers.addAll(List.of("authorization", "bearer " + adminToken.toUpperCase(
                    Locale.ROOT)));
            case REVOKED_ADMIN -> headers.addAll(List.of("Authorization", "Bearer " + revokedAdminToken));
            case EXPIRED_ADMIN -> headers.addAll(List.of("Authorization", "Bearer " + expiredAdminToken));
            case ADMIN_IN_QUERY -> target = target + (target.contains("?") ? "&" : "?") + "access_token="
                    + adminToken;
            case OPERATOR -> headers.addAll(List.of("Authorization", "Bearer " + operatorToken));
            case ADMIN -> headers.addAll(List.of("Authorization", "Bearer " + adminToken));
            case NON_OWNER -> headers.addAll(List.of("Authorization", api.bearer("mallory")));
            case CITIZEN_OPERATOR -> headers.addAll(List.of("Authorization", "Bearer " + citizenOperatorToken));
        }
        if (attempt.request().body() != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        RawHttp.Reply reply = send(method, target, headers, attempt.request().body());
        if (!readableWith(method, attempt.request().path(), attempt.credential())) {
            assertThat(reply.status()).as("%s %s with %s", method, target, attempt.credential())
                    .isGreaterThanOrEqualTo(400);
        }
        assertThat(count("operator_token")).as("tokens after %s %s", method, target).isEqualTo(tokens);
        assertThat(count("operator_token where revoked_at is not null")).as("revoked after %s %s", method, target)
                .isEqualTo(revoked);
        assertThat(count("domain_event_entry")).as("events after %s %s", method, target).isEqualTo(events);
    }

    /**
     * A method override that turns a write into a read of the same path is answered as that read, which the
     * credential may be entitled to: then only the absence of any effect is checked.
     */
    private static boolean readableWith(String method, String path, Credential credential) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        boolean adminOnly = path.startsWith("/api/admin") || path.startsWith("/actuator");
        boolean operatedCitizens = path.equals("/api/me/citizens");
        return switch (credential) {
            case ADMIN -> !operatedCitizens;
            case OPERATOR, NON_OWNER -> !adminOnly;
            case CITIZEN_OPERATOR -> path.endsWith("/notices") || operatedCitizens;
            default -> false;
        };
    }

    static String spell(Spelling spelling, String path, Random random) {
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        String spelled = switch (spelling) {
            case PLAIN -> path;
            case ENCODED_LETTER -> atRandom(path, random, Character::isLetter,
                    (c, r) -> String.format(r.nextBoolean() ? "%%%02x" : "%%%02X", (int) c));
            case ENCODED_SLASH -> atRandomSlash(path, random, r -> r.nextBoolean() ? "%2F" : "%2f");
            case DOT_SEGMENT -> atRandomSlash(path, random, r -> "/./");
            case ENCODED_DOT_SEGMENT -> atRandomSlash(path, random, r -> r.nextBoolean() ? "/%2e/" : "/%2E/");
            case DOTDOT_SEGMENT -> atRandomSlash(path, random, r -> "/zz/../");
            case ENCODED_DOTDOT -> atRandomSlash(path, random, r -> r.nextBoolean() ? "/zz/%2e%2e/" : "/zz/.%2E/");
            case DOUBLE_SLASH -> atRandomSlash(path, random, r -> "//");
            case PATH_PARAMETER -> atRandomSlash(path, random,
                    r -> List.of(";x/", ";jsessionid=0/", ";/", ";a=b;c/").get(r.nextInt(4)));
            case ENCODED_SEMICOLON -> atRandomSlash(path, random, r -> r.nextBoolean() ? "%3bx/" : "%3Bx/");
            case TRAILING_SLASH -> path + "/";
            case TRAILING_DOT -> path + (random.nextBoolean() ? "/." : ".");
            case UPPER_CASE -> random.nextBoolean() ? path.toUpperCase(Locale.ROOT)
                    : atRandom(path, random, Character::isLowerCase, (c, r) -> String.valueOf(Character.toUpperCase(c)));
            case BACKSLASH -> atRandomSlash(path, random, r -> "\\");
            case ENCODED_BACKSLASH -> atRandomSlash(path, random, r -> r.nextBoolean() ? "%5c" : "%5C");
            case DOUBLE_ENCODED -> atRandom(path, random, Character::isLetter,
                    (c, r) -> String.format("%%25%02x", (int) c));
            case CONTROL_CHARACTER -> atRandomSlash(path, random,
                    r -> List.of("%00/", "%0a/", "%0d/", "%09/", "%7f/").get(r.nextInt(5)));
            case ABSOLUTE_FORM -> path.startsWith("/") ? "http://localhost:" + port + path : path;
            case QUERY_AND_FRAGMENT -> path + (random.nextBoolean() ? "?x=1" : "?");
        };
        return spelled + query;
    }

    /** Replaces one random character of the path that the test picks with what the rule makes of it. */
    private static String atRandom(String path, Random random, java.util.function.IntPredicate which,
                                   BiFunction<Character, Random, String> replacement) {
        int start = path.startsWith("http") ? path.indexOf('/', "http://".length()) : 0;
        List<Integer> positions = new ArrayList<>();
        for (int i = start; i < path.length(); i++) {
            if (which.test(path.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return path;
        }
        int at = positions.get(random.nextInt(positions.size()));
        return path.substring(0, at) + replacement.apply(path.charAt(at), random) + path.substring(at + 1);
    }

    /** Replaces one random inner slash (never the leading one) of the path. */
    private static String atRandomSlash(String path, Random random,
                                        java.util.function.Function<Random, String> replacement) {
        int start = path.startsWith("http") ? path.indexOf('/', "http://".length()) + 1 : 1;
        List<Integer> slashes = new ArrayList<>();
        for (int i = start; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        if (slashes.isEmpty()) {
            return path + replacement.apply(random);
        }
        int at = slashes.get(random.nextInt(slashes.size()));
        return path.substring(0, at) + replacement.apply(random) + path.substring(at + 1);
    }

    static RawHttp.Reply send(String method, String target, List<String> headers, String body) {
        return RawHttp.send(port, method, target, headers, body, false);
    }

    private static String issue(String operator, boolean admin) {
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"" + operator + "\",\"admin\":"
                + admin + "}");
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().path("token").asText();
    }

    private static String tokenId(String operator) {
        return jdbc.queryForObject("select id from operator_token where operator = ?", String.class, operator);
    }

    private static long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
