package io.govlife.app.console;

import io.govlife.app.Api;
import io.govlife.app.LiveApplication;
import io.govlife.app.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real headless Chromium against the running application, as an operator uses it:
 * signing in, every step through the page's forms, reading what the page shows. Checks of the stored outcome go
 * through the HTTP API, never the console's own rendering alone.
 */
class ConsoleBrowserIT extends LiveApplication {

    private static final String LATTICE_FP = "1111111111111111111111111111111111111111111111111111111111111111";
    private static final String ORGANISM_FP = "3333333333333333333333333333333333333333333333333333333333333333";
    private static final String ATLAS_FP = "4444444444444444444444444444444444444444444444444444444444444444";

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void noBrowsersYet() {
        browsers.clear();
    }

    @AfterEach
    void closeBrowsers() {
        try {
            browsers.forEach(browser -> assertThat(browser.pageErrors()).as("script errors or CSP refusals").isEmpty());
        } finally {
            browsers.forEach(Browser::close);
        }
    }

    private Browser signedIn(String operator, String path) {
        Browser browser = new Browser(api.uri("/").getPort());
        browsers.add(browser);
        browser.open(path).type("#token", api.bearer(operator).substring("Bearer ".length())).click("#sign-in button");
        browser.awaitShown("#sign-out");
        browser.until(driver -> !driver.findElement(org.openqa.selenium.By.id("sign-in")).isDisplayed());
        return browser;
    }

    /** A browser signed in with the given token, e.g. a citizen's operator's issued by an admin. */
    private Browser signedInWith(String token, String path) {
        Browser browser = new Browser(api.uri("/").getPort());
        browsers.add(browser);
        browser.open(path).type("#token", token).click("#sign-in button");
        browser.awaitShown("#sign-out");
        return browser;
    }

    private static String gov() {
        return "console-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new gov created through the API by olivia, its owner. */
    private String govOfOlivia() {
        String gov = gov();
        Api.Reply created = api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}",
                "X-Operator", "olivia");
        assertThat(created.status()).isEqualTo(201);
        return gov;
    }

    /** Olivia's new gov with two lattices, base and zora, in its draft. */
    private String govOfOliviaWithBaseAndZora() {
        String gov = govOfOlivia();
        for (String body : new String[]{
                "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + LATTICE_FP + "\"}",
                "{\"name\":\"zora\",\"chainId\":7777777,\"fingerprint\":\"" + "2".repeat(64) + "\"}"}) {
            assertThat(api.post("/api/govs/" + gov + "/lattices", body, "X-Operator", "olivia").status())
                    .isEqualTo(201);
        }
        return gov;
    }

    /** Olivia's gov with base and zora and the confluence bridge spanning them, published as revision 1. */
    private String publishedWithBridgeOverBaseAndZora() {
        String gov = govOfOliviaWithBaseAndZora();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + "7".repeat(64)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}", "X-Operator", "olivia")
                .status()).isEqualTo(201);
        assertThat(api.post(g + "/publications", "{}", "X-Operator", "olivia").status()).isEqualTo(201);
        return gov;
    }

    @Test
    void a_new_operator_stands_up_a_gov_publishes_bumps_and_reads_the_trail() throws Exception {
        String gov = gov();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Browser browser = signedIn("olivia", "/console");
            browser.screenshot("govs", 1280, 800);
            browser.screenshot("govs", 390, 844);

            browser.type("#create-name", gov).click("#create-gov button");
            browser.until(driver -> browser.currentPath().equals("/console/govs/" + gov));
            browser.awaitText("#gov-summary", "DRAFT");

            browser.type("#lattice-name", "base").type("#lattice-chain", "8453").type("#lattice-fingerprint", LATTICE_FP)
                    .type("#lattice-reason", "Base joins").click("#reference-lattice button[type=submit]");
            browser.awaitText("#command-result", "Reference a lattice: done");
            browser.type("#organism-role", "price-oracle").type("#organism-fingerprint", ORGANISM_FP)
                    .click("#reference-organism button[type=submit]");
            browser.awaitText("#command-result", "Reference an organism: done");
            browser.type("#ship-fingerprint", ATLAS_FP).click("#ship-service button[type=submit]");
            browser.awaitText("#command-result", "Ship a basic service: done");
            browser.awaitText("#changes-list", "adds service ATLAS");
            browser.awaitText("#publish-changes", "adds lattice base");
            browser.type("#publish-notes", "first GovConfig").click("#publish button[type=submit]");
            assertThat(browser.awaitText("#confirm-action-changes", "revision 1")).contains("adds lattice base");
            browser.confirmWith("first GovConfig of the gov");
            browser.awaitText("#gov-summary", "revision 1");
            browser.awaitText("#publish-changes", "nothing to publish");

            browser.type("#integrator-name", "wallet-one").type("#integrator-webhook", receiver.url("/hook"))
                    .click("#register-integrator button[type=submit]");
            assertThat(browser.awaitText("#integrator-secret", "whsec_")).contains("wallet-one");

            String cutover = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            browser.choose("#bump-citizen", "base").type("#bump-fingerprint", "5".repeat(64))
                    .type("#bump-cutover", cutover).click("#schedule-bump button[type=submit]");
            browser.awaitText("#pending-bumps", "base");

            // the notice reaches the integrator and shows, unacknowledged, on the page
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.all().stream()
                    .anyMatch(r -> r.body().contains("\"citizen\":\"base\"")));
            browser.awaitText("#notices", "wallet-one");
            browser.awaitText("#unacknowledged", "not acknowledged by wallet-one");
            // the cutover timeline: base's cutover on the axis, the integrator's notice delivered but unacknowledged
            browser.awaitText("#timeline-table", "wallet-one: delivered, not acknowledged");
            assertThat(browser.text("#timeline-table")).contains("base", "in 1 h 5");
            browser.awaitShown("#timeline svg.timeline g.scheduled circle");
            browser.screenshotOf("#timeline", "timeline");

            // a second revision, so the diff has something to say
            browser.keysInto("#ship-service-name", "ALMANAC");
            browser.type("#ship-fingerprint", "6".repeat(64)).click("#ship-service button[type=submit]");
            browser.awaitText("#changes-list", "adds service ALMANAC");
            browser.click("#publish button[type=submit]").confirmWith("ALMANAC ships");
            browser.awaitText("#gov-summary", "revision 2");
            browser.awaitText("#revisions", "first GovConfig");
            browser.until(driver -> browser.script("return document.querySelectorAll('#diff-b option').length")
                    .equals(2L));
            browser.script("document.querySelector('#diff-a').value = '1'; document.querySelector('#diff-b').value = '2';");
            browser.click("#diff-form button");
            assertThat(browser.awaitText("#diff", "ALMANAC")).contains("added");

            browser.awaitText("#audit", "FingerprintBumpScheduled");
            browser.type("#audit-type", "CitizenReferenced").click("#audit-filter button");
            browser.until(driver -> !browser.text("#audit").contains("FingerprintBumpScheduled"));
            assertThat(browser.text("#audit")).contains("Base joins").contains("olivia");
            browser.screenshot("gov", 1280, 800);
            browser.screenshot("gov", 390, 844);

            Api.Reply state = api.send("GET", "/api/govs/" + gov, null, "X-Operator", "olivia");
            assertThat(state.json().path("published").path("revision").asInt()).isEqualTo(2);
            assertThat(state.json().path("pendingBumps").get(0).path("citizen").asText()).isEqualTo("base");

            browser.open("/console/reports?gov=" + gov);
            // the reports read model may trail the last write by a moment: an operator would ask again
            browser.until(driver -> {
                if (browser.text("#lead-table").contains("base")
                        && Long.valueOf(2).equals(browser.script("return document.querySelectorAll('#kinds-table tbody tr').length"))) {
                    return true;
                }
                browser.click("#report-gov button");
                return false;
            });
            assertThat(browser.text("#minimum-notice")).isEqualTo("2 seconds");
            browser.awaitShown("#kinds-chart canvas");
            browser.screenshot("reports", 1280, 800);
            browser.screenshot("reports", 390, 844);

            browser.open("/console");
            browser.awaitText("#cutovers", gov);
            browser.awaitText("#cutovers", "wallet-one: delivered, not acknowledged");
            browser.awaitShown("#timeline svg.timeline");
        }
    }

    @Test
    void citizen_operators_confirmations_and_how_a_bump_was_taken_from_the_console() {
        String gov = govOfOliviaWithBaseAndZora();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/organisms", "{\"role\":\"oracle\",\"fingerprint\":\"" + ORGANISM_FP + "\"}",
                "X-Operator", "olivia").status()).isEqualTo(201);
        assertThat(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + "7".repeat(64)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}", "X-Operator", "olivia")
                .status()).isEqualTo(201);
        assertThat(api.post(g + "/publications", "{}", "X-Operator", "olivia").status()).isEqualTo(201);
        Browser browser = signedIn("olivia", "/console/govs/" + gov);
        browser.awaitText("#gov-summary", "revision 1");

        browser.choose("#citizen-operator-citizen", "base").type("#citizen-operator-name", "cora")
                .click("#name-citizen-operator button[type=submit]");
        browser.awaitText("#command-result", "Name a citizen's operator: done");

        // zora replaced in the draft leaves bridge stale; its operator says it works unchanged
        assertThat(api.post(g + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":"
                + "7777777,\"fingerprint\":\"" + "8".repeat(64) + "\"}}", "X-Operator", "olivia").status())
                .isEqualTo(201);
        // the operator sees bridge gone stale before confirming it (the page is then at the gov's new version)
        browser.awaitText("#pending-bumps", "Stale confluences");
        browser.choose("#confirm-name", "bridge").type("#confirm-reason", "bridge speaks zora's new release")
                .click("#confirm-confluence button[type=submit]");
        browser.awaitText("#command-result", "Confirm a confluence unchanged: done");

        browser.choose("#bump-citizen", "base").type("#bump-fingerprint", "5".repeat(64))
                .type("#bump-cutover", Instant.now().plus(1, ChronoUnit.SECONDS).toString())
                .click("#schedule-bump button[type=submit]");
        browser.awaitText("#bump-result", "Short notice");
        // bridge spans base and awaits its upgrade: the bump stays pending, flagged, past its cutover (and the page
        // is at the version the blocked cutover left, so the next command is not refused as based on an older one)
        browser.awaitText("#pending-bumps", "(short notice)");
        browser.awaitText("#pending-bumps", "(blocked)");
        browser.choose("#bump-citizen", "oracle").type("#bump-fingerprint", "6".repeat(64))
                .type("#bump-cutover", Instant.now().minus(1, ChronoUnit.HOURS).toString())
                .click("#schedule-bump button[type=submit]");
        browser.awaitText("#bump-result", "Catch-up");

        awaitProjections();
        Api.Reply history = api.send("GET", g + "/history?size=100", null, "X-Operator", "olivia");
        assertThat(history.body()).contains("CitizenOperatorAdded", "ConfluenceConfirmed",
                "bridge speaks zora's new release");
        // base's blocked cutover would stay overdue for the rest of the suite (and in its cutover gauges)
        assertThat(api.post(g + "/retirement", "{\"reason\":\"test over\"}", "X-Operator", "olivia").status())
                .isEqualTo(200);
    }

    @Test
    void a_destructive_action_shows_what_it_changes_asks_why_and_sends_nothing_when_called_off() {
        String gov = publishedWithBridgeOverBaseAndZora();
        String g = "/api/govs/" + gov;
        long events = eventsOf(gov);
        Browser browser = signedIn("olivia", "/console/govs/" + gov);
        browser.awaitText("#gov-summary", "revision 1");

        // the citizen is picked from the gov's own, and the dialog says what dropping it changes
        browser.choose("#drop-citizen-name", "zora").click("#drop-citizen button[type=submit]");
        String changes = browser.awaitText("#confirm-action-changes", "Drops lattice zora");
        assertThat(changes).contains("from the draft", "Confluences spanning it go stale", "upgrade: bridge",
                "Integrators keep revision 1 until the draft is published");
        browser.screenshot("confirm-drop", 1280, 800);
        browser.screenshot("confirm-drop", 390, 844);

        // called off with its button: nothing sent
        browser.click("#confirm-action-cancel");
        browser.awaitText("#command-result", "Drop a citizen: called off, nothing was sent.");
        assertThat(browser.confirming()).isFalse();
        assertThat(eventsOf(gov)).as("nothing appended after Cancel").isEqualTo(events);

        // called off from the keyboard: Escape closes the dialog, nothing sent
        browser.script("document.querySelector('#command-result').textContent = ''");
        browser.click("#drop-citizen button[type=submit]");
        browser.until(driver -> browser.confirming());
        browser.keys(Keys.ESCAPE);
        browser.awaitText("#command-result", "called off, nothing was sent.");
        assertThat(eventsOf(gov)).as("nothing appended after Escape").isEqualTo(events);

        // no reason, no command: the dialog stays open until one is given
        browser.click("#drop-citizen button[type=submit]");
        browser.until(driver -> browser.confirming());
        browser.click("#confirm-action-go");
        assertThat(browser.confirming()).as("still asking for a reason").isTrue();
        assertThat(browser.script("return document.querySelector('#confirm-action-reason').validity.valueMissing"))
                .isEqualTo(true);
        assertThat(eventsOf(gov)).as("nothing appended without a reason").isEqualTo(events);

        // with a reason it is sent, and the reason is on the audit trail
        browser.type("#confirm-action-reason", "zora keeps missing its cutovers").click("#confirm-action-go");
        browser.awaitText("#command-result", "Drop a citizen: done");
        browser.awaitText("#publish-changes", "removes lattice zora");
        awaitProjections();
        Api.Reply dropped = api.send("GET", g + "/history?type=CitizenDropped", null, "X-Operator", "olivia");
        assertThat(dropped.json().path("items").get(0).path("reason").asText())
                .isEqualTo("zora keeps missing its cutovers");

        // retiring says what it means before anything is sent
        browser.click("#retire button[type=submit]");
        assertThat(browser.awaitText("#confirm-action-changes", "Retires gov " + gov))
                .contains("accepts no further changes", "Revision 1 stays readable");
        browser.click("#confirm-action-cancel");
        browser.until(driver -> !browser.confirming());
        Api.Reply state = api.send("GET", g, null, "X-Operator", "olivia");
        assertThat(state.json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void the_admin_page_issues_and_revokes_tokens_drives_the_read_models_and_refuses_an_operator() {
        Browser admin = new Browser(api.uri("/").getPort());
        browsers.add(admin);
        admin.open("/console/admin").type("#token", Api.ADMIN_TOKEN).click("#sign-in button");
        admin.awaitText("#projections", "composition");

        // a token is created with its secret shown once, listed without it, and works at once
        String operator = "tess-" + UUID.randomUUID().toString().substring(0, 8);
        admin.type("#token-operator", operator).click("#create-token button[type=submit]");
        String shown = admin.awaitText("#token-secret", "(shown this once): ");
        String token = shown.substring(shown.indexOf("(shown this once): ") + "(shown this once): ".length()).trim();
        assertThat(api.send("GET", "/api/govs?size=1", null, "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
        assertThat(admin.awaitText("#tokens", operator)).doesNotContain(token);

        // revoking asks first; called off, the token still works
        admin.click("#tokens button[aria-label='Revoke the token of " + operator + "']");
        assertThat(admin.awaitText("#confirm-action-changes", "Revokes the gov operator token of " + operator))
                .contains("cannot be restored");
        assertThat(admin.script("return document.querySelector('#confirm-action-reason').closest('.field').hidden"))
                .as("no reason asked: the API records none").isEqualTo(true);
        admin.click("#confirm-action-cancel");
        admin.until(driver -> !admin.confirming());
        assertThat(api.send("GET", "/api/govs?size=1", null, "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
        admin.click("#tokens button[aria-label='Revoke the token of " + operator + "']");
        admin.until(driver -> admin.confirming());
        admin.click("#confirm-action-go");
        admin.awaitText("#token-secret", "The token of " + operator + " is revoked.");
        assertThat(api.send("GET", "/api/govs?size=1", null, "Authorization", "Bearer " + token).status())
                .isEqualTo(401);

        // the read models: state, position beside the head, pause and resume on every node
        try {
            admin.click("#pause");
            admin.awaitText("#projections", "paused");
            admin.screenshot("admin", 1280, 800);
            admin.screenshot("admin", 390, 844);
            admin.click("#resume");
            admin.awaitText("#processor-result", "Resumed");
        } finally {
            // the other tests share these read models: never leave them paused
            api.asAdmin("POST", "/api/admin/projections/resume", null);
        }
        admin.until(driver -> !admin.text("#projections").contains("paused"));
        admin.awaitShown("#dead-letters tbody tr");

        // an operator's token is refused by the admin API, and the page says so instead of showing tables
        Browser operatorPage = signedIn("olivia", "/console/admin");
        operatorPage.awaitText("#admin-refused", "These pages need an admin token.");
        assertThat(operatorPage.script("return document.querySelector('#admin-pages').hidden")).isEqualTo(true);
    }

    @Test
    void every_page_passes_the_accessibility_rules_without_a_serious_or_critical_violation() {
        String gov = govOfOlivia();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + LATTICE_FP
                + "\"}", "X-Operator", "olivia").status()).isEqualTo(201);
        Api.Reply published = api.post(g + "/publications", "{}", "X-Operator", "olivia");
        assertThat(published.status()).isEqualTo(201);
        Map<String, List<String>> violations = new LinkedHashMap<>();

        Browser olivia = signedIn("olivia", "/console");
        olivia.awaitText("#govs", gov);
        violations.put("govs", olivia.seriousAccessibilityViolations());
        olivia.open("/console/govs/" + gov);
        olivia.awaitText("#gov-summary", "revision 1");
        olivia.awaitText("#audit", "GovConfigPublished");
        violations.put("gov", olivia.seriousAccessibilityViolations());
        olivia.script("document.querySelectorAll('details.task').forEach(task => task.open = true)");
        violations.put("gov, every command's form open", olivia.seriousAccessibilityViolations());
        olivia.choose("#drop-citizen-name", "base").click("#drop-citizen button[type=submit]");
        olivia.awaitText("#confirm-action-changes", "Drops lattice base");
        violations.put("gov, confirming a drop", olivia.seriousAccessibilityViolations());
        olivia.click("#confirm-action-cancel");
        olivia.open("/console/reports?gov=" + gov);
        olivia.awaitShown("#lead-table");
        violations.put("reports", olivia.seriousAccessibilityViolations());
        olivia.open("/console/citizens");
        olivia.awaitText("#my-citizens", "No gov has named you");
        violations.put("my citizens", olivia.seriousAccessibilityViolations());
        olivia.open("/console/admin");
        olivia.awaitText("#admin-refused", "admin token");
        violations.put("admin, refused", olivia.seriousAccessibilityViolations());

        Browser admin = new Browser(api.uri("/").getPort());
        browsers.add(admin);
        admin.open("/console/admin").type("#token", Api.ADMIN_TOKEN).click("#sign-in button");
        admin.awaitText("#projections", "composition");
        violations.put("admin", admin.seriousAccessibilityViolations());

        // the integrators' public pages, read without signing in
        awaitProjections();
        admin.open("/govs/" + gov);
        admin.awaitShown("h1");
        violations.put("handshake page", admin.seriousAccessibilityViolations());
        admin.open("/fingerprints?fp=" + published.json().path("publishedFingerprint").asText());
        admin.awaitShown("h1");
        violations.put("fingerprint lookup", admin.seriousAccessibilityViolations());

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
        assertThat(violations).hasSize(10);

        // and the check sees a violation when there is one: a field nobody labelled
        admin.script("document.querySelector('h1').after(Object.assign(document.createElement('input'), "
                + "{ id: 'nobody-labelled-me' }))");
        assertThat(admin.seriousAccessibilityViolations()).anyMatch(found -> found.startsWith("critical label ")
                && found.contains("nobody-labelled-me"));
    }

    @Test
    void integrators_read_the_handshake_page_and_look_up_a_fingerprint_without_javascript() {
        String gov = govOfOliviaWithBaseAndZora();
        String g = "/api/govs/" + gov;
        Api.Reply published = api.post(g + "/publications", "{}", "X-Operator", "olivia");
        assertThat(published.status()).isEqualTo(201);
        String root = published.json().path("publishedFingerprint").asText();
        assertThat(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + "5".repeat(64) + "\",\"cutoverAt\":\""
                + Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}", "X-Operator",
                "olivia").status()).isEqualTo(201);
        awaitProjections();

        Browser integrator = new Browser(api.uri("/").getPort(), false);
        browsers.add(integrator);
        // the console's sign-in is shown by its script: here it stays hidden, so the page's scripts are off
        integrator.open("/console");
        assertThat(integrator.displayed("#sign-in")).isFalse();
        integrator.open("/govs/" + gov);
        assertThat(integrator.text("h1")).isEqualTo("Gov " + gov);
        assertThat(integrator.text("main")).contains("base", "zora", "Pending cutovers", root.substring(0, 12));
        integrator.screenshot("handshake", 1280, 800);
        integrator.screenshot("handshake", 390, 844);

        // the plain form takes the fingerprint an integrator holds and answers with a page, no script involved
        integrator.type("#fp", root).keys(Keys.ENTER);
        integrator.until(driver -> integrator.currentPath().startsWith("/fingerprints?fp="));
        assertThat(integrator.awaitText("main", gov)).contains("CURRENT");
        integrator.screenshot("fingerprint-lookup", 1280, 800);
        integrator.screenshot("fingerprint-lookup", 390, 844);
        assertThat(api.post(g + "/retirement", "{\"reason\":\"test over\"}", "X-Operator", "olivia").status())
                .isEqualTo(200);
    }

    /**
     * Olivia's new gov, Atlas shipped and published to one integrator whose webhook (at path) refuses the first
     * delivery with a 400: its notice fails at once, and a redelivery is received.
     */
    private String publishedToAnIntegratorThatRefusesOnce(WebhookReceiver receiver, String integrator, String path) {
        String gov = govOfOlivia();
        receiver.answer(path, 400);
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/integrators", "{\"name\":\"" + integrator + "\",\"webhookUrl\":\""
                + receiver.url(path) + "\"}", "X-Operator", "olivia").status()).isEqualTo(201);
        assertThat(api.put(g + "/services/ATLAS", "{\"fingerprint\":\"" + ATLAS_FP + "\"}", "X-Operator", "olivia")
                .status()).isEqualTo(200);
        assertThat(api.post(g + "/publications", "{}", "X-Operator", "olivia").status()).isEqualTo(201);
        return gov;
    }

    @Test
    void a_citizen_operator_sees_its_citizens_across_govs_announces_a_bump_and_follows_the_acknowledgements() {
        String cora = "cora-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"" + cora
                + "\",\"citizenOperator\":true}");
        assertThat(issued.status()).isEqualTo(201);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String first = govOfOliviaWithBaseAndZora();
            String second = govOfOliviaWithBaseAndZora();
            for (String gov : List.of(first, second)) {
                String g = "/api/govs/" + gov;
                assertThat(api.post(g + "/integrators", "{\"name\":\"wallet-one\",\"webhookUrl\":\""
                        + receiver.url("/" + gov) + "\"}", "X-Operator", "olivia").status()).isEqualTo(201);
                assertThat(api.post(g + "/publications", "{}", "X-Operator", "olivia").status()).isEqualTo(201);
                assertThat(api.post(g + "/citizens/base/operators", "{\"operator\":\"" + cora + "\"}",
                        "X-Operator", "olivia").status()).isEqualTo(201);
            }
            // signed in on the list of govs, which is not its to read: the page sends it to its own
            Browser browser = signedInWith(issued.json().path("token").asText(), "/console");
            browser.awaitText("#govs-refused", "My citizens");
            browser.click("#govs-refused a");
            browser.until(driver -> browser.text("#my-citizens").contains(first)
                    && browser.text("#my-citizens").contains(second));
            assertThat(browser.text("#my-citizens")).contains("base", LATTICE_FP.substring(0, 12)).doesNotContain("zora");

            // the bump is announced through the first gov, which tells its integrator
            browser.choose("#bump-for", "[\"" + first + "\",\"base\"]").type("#bump-fingerprint", "5".repeat(64))
                    .type("#bump-cutover", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                    .type("#bump-reason", "base 2.0").click("#schedule-bump button[type=submit]");
            browser.awaitText("#bump-result", "Scheduled with the usual notice");
            WebhookReceiver.Received notice = await().atMost(Duration.ofSeconds(15)).until(() -> receiver.at("/" + first)
                    .stream().filter(r -> r.body().contains("\"citizen\":\"base\"")).findFirst().orElse(null),
                    java.util.Objects::nonNull);
            // the page looks again every few seconds, as acknowledgements come in
            browser.awaitText("#my-citizens", "1 not acknowledged yet, 0 acknowledged");
            assertThat(browser.text("#my-citizens")).as("integrators stay the gov's").doesNotContain("wallet-one");

            // the integrator acknowledges: the count moves
            com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(notice.body());
            assertThat(api.post("/api/govs/" + first + "/notices/" + body.path("id").asText() + "/acks",
                    "{\"integrator\":\"wallet-one\",\"token\":\"" + body.path("ackToken").asText() + "\"}",
                    "-X-Operator").status()).isEqualTo(200);
            browser.awaitText("#my-citizens", "acknowledged by every integrator (1)");
            browser.screenshot("citizens", 1280, 800);
            browser.screenshot("citizens", 390, 844);

            // called off, then cancelled with a reason that lands in the first gov's audit trail
            browser.click("#my-citizens button[aria-label='Cancel the bump of base in " + first + "']");
            browser.awaitText("#confirm-action-changes", "Cancels the bump of base in gov " + first);
            browser.click("#confirm-action-cancel");
            browser.awaitText("#citizens-result", "called off, nothing was sent");
            browser.click("#my-citizens button[aria-label='Cancel the bump of base in " + first + "']");
            browser.confirmWith("base 2.0 slips a week");
            browser.awaitText("#citizens-result", "is cancelled");
            awaitProjections();
            Api.Reply history = api.send("GET", "/api/govs/" + first + "/history?type=FingerprintBumpCancelled", null,
                    "X-Operator", "olivia");
            assertThat(history.json().path("items").get(0).path("reason").asText()).isEqualTo("base 2.0 slips a week");
            assertThat(history.json().path("items").get(0).path("operator").asText()).isEqualTo(cora);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_admin_page_redelivers_a_failed_notice_of_any_gov_and_shows_who_holds_each_segment() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String gov = publishedToAnIntegratorThatRefusesOnce(receiver, "wallet-three", "/admin-refuses-once");
            String g = "/api/govs/" + gov;
            Browser admin = signedInWith(Api.ADMIN_TOKEN, "/console/admin");
            admin.awaitText("#segments", "(this node)");
            // the page looks again every few seconds: the notice shows once it has failed
            admin.awaitText("#failed-notices", gov);
            assertThat(admin.text("#failed-notices")).contains("wallet-three", "HTTP 400");
            admin.click("#failed-notices button[aria-label^='Redeliver the '][aria-label*=' of " + gov + " to wallet-three']");
            admin.awaitText("#notices-result", "will be delivered again");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.at("/admin-refuses-once").size() == 2);
            admin.until(driver -> admin.text("#failed-notices").contains(gov) ? null : true);
            Api.Reply notices = api.send("GET", g + "/notices", null, "X-Operator", "olivia");
            assertThat(notices.json().path("items").get(0).path("status").asText()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void the_admin_page_retries_dead_letters_once_their_cause_is_fixed_and_evicts_them_only_when_confirmed() {
        String retried = govOfOliviaWithBaseAndZora();
        String evicted = govOfOliviaWithBaseAndZora();
        awaitProjections();
        // a real failure, as in DeadLettersIT: the composition row taken away, so its projection cannot apply a change
        for (String gov : List.of(retried, evicted)) {
            assertThat(jdbc.update("update composition set gov = ? where gov = ?", "hidden-" + gov, gov)).isEqualTo(1);
        }
        try {
            for (String gov : List.of(retried, evicted)) {
                assertThat(api.put("/api/govs/" + gov + "/services/ATLAS", "{\"fingerprint\":\"" + ATLAS_FP + "\"}",
                        "X-Operator", "olivia").status()).isEqualTo(200);
            }
            Browser admin = signedInWith(Api.ADMIN_TOKEN, "/console/admin");
            admin.until(driver -> admin.text("#dead-letters").contains(retried)
                    && admin.text("#dead-letters").contains(evicted));
            assertThat(admin.text("#dead-letters")).contains("composition of unknown gov " + retried);

            // retried while the cause is still there: still parked
            admin.click("#dead-letters button[aria-label='Retry " + retried + "']");
            admin.awaitText("#processor-result", retried + ": still parked.");
            jdbc.update("update composition set gov = ? where gov = ?", retried, "hidden-" + retried);
            admin.click("#dead-letters button[aria-label='Retry " + retried + "']");
            admin.awaitText("#processor-result", retried + ": every parked event is handled now.");
            assertThat(api.send("GET", "/api/govs/" + retried, null, "X-Operator", "olivia").json().path("draft")
                    .path("config").path("services").get(0).path("service").asText()).isEqualTo("ATLAS");

            // evicting asks first: called off, the letters stay; confirmed, they are gone
            admin.click("#dead-letters button[aria-label='Evict " + evicted + "']");
            assertThat(admin.awaitText("#confirm-action-changes", "Gives up the 1 parked event(s) of " + evicted))
                    .contains("The event log keeps them");
            admin.click("#confirm-action-cancel");
            admin.until(driver -> !admin.confirming());
            assertThat(api.asAdmin("GET", "/api/admin/dead-letters", null).body()).contains(evicted);
            admin.click("#dead-letters button[aria-label='Evict " + evicted + "']");
            admin.until(driver -> admin.confirming());
            admin.click("#confirm-action-go");
            admin.awaitText("#processor-result", evicted + ": its parked events are evicted.");
            assertThat(api.asAdmin("GET", "/api/admin/dead-letters", null).body()).doesNotContain(retried, evicted);
        } finally {
            // the suites share this application: nothing left parked, every row back
            for (String gov : List.of(retried, evicted)) {
                jdbc.update("update composition set gov = ? where gov = ?", gov, "hidden-" + gov);
                api.asAdmin("DELETE", "/api/admin/dead-letters/composition/" + gov, null);
            }
        }
    }

    @Test
    void the_gov_list_finds_a_gov_by_name_and_status() {
        String gov = govOfOlivia();
        Browser browser = signedIn("olivia", "/console");
        browser.type("#govs-search", gov.substring(3).toUpperCase(java.util.Locale.ROOT)).click("#govs-filter button");
        browser.until(driver -> browser.text("#govs").contains(gov)
                && Long.valueOf(1).equals(browser.script("return document.querySelectorAll('#govs tbody tr').length")));

        browser.choose("#govs-status", "ACTIVE").click("#govs-filter button");
        browser.awaitText("#govs", "No govs match.");
        assertThat(browser.text("#govs")).doesNotContain(gov);
        browser.choose("#govs-status", "DRAFT").click("#govs-filter button");
        browser.awaitText("#govs", gov);

        // only the govs with a cutover pending: this one has none until its bump is scheduled
        browser.choose("#govs-status", "").click("#govs-pending").click("#govs-filter button");
        browser.awaitText("#govs", "No govs match.");
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/lattices", "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + LATTICE_FP
                + "\"}", "X-Operator", "olivia").status()).isEqualTo(201);
        assertThat(api.post(g + "/publications", "{}", "X-Operator", "olivia").status()).isEqualTo(201);
        assertThat(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + "5".repeat(64) + "\",\"cutoverAt\":\""
                + Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}", "X-Operator",
                "olivia").status()).isEqualTo(201);
        browser.until(driver -> {
            browser.click("#govs-filter button");
            return browser.text("#govs").contains(gov) ? true : null;
        });
        assertThat(browser.script("return document.querySelectorAll('#govs tbody tr').length")).isEqualTo(1L);
        assertThat(api.post(g + "/retirement", "{\"reason\":\"test over\"}", "X-Operator", "olivia").status())
                .isEqualTo(200);
    }

    @Test
    void a_failed_notice_is_delivered_again_from_the_console() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String gov = publishedToAnIntegratorThatRefusesOnce(receiver, "wallet-two", "/refuses-once");
            Browser browser = signedIn("olivia", "/console/govs/" + gov);
            browser.awaitText("#notices", "FAILED");
            browser.click("#notices button");
            browser.awaitText("#command-result", "will be delivered again");
            browser.awaitText("#notices", "DELIVERED");
            assertThat(receiver.at("/refuses-once")).hasSize(2);
        }
    }

    @Test
    void an_invalid_fingerprint_shows_the_field_error_and_changes_nothing() {
        String gov = govOfOlivia();

        Browser browser = signedIn("olivia", "/console/govs/" + gov);
        browser.awaitText("#gov-summary", "DRAFT");
        browser.type("#lattice-name", "base").type("#lattice-chain", "8453").type("#lattice-fingerprint", "12")
                .click("#reference-lattice button[type=submit]");

        String error = browser.awaitText("#lattice-fingerprint-error", "64 lowercase hex");
        assertThat(error).doesNotContain("Exception");
        assertThat(browser.attribute("#lattice-fingerprint", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#lattice-fingerprint", "aria-describedby"))
                .isEqualTo("lattice-fingerprint-error");
        browser.screenshotOf("#reference-lattice", "field-error");
        assertThat(eventsOf(gov)).as("only GovCreated is on the log").isEqualTo(1);
    }

    @Test
    void a_second_session_sees_the_first_ones_change_without_reloading() {
        String gov = gov();
        Browser first = signedIn("olivia", "/console");
        first.type("#create-name", gov).click("#create-gov button");
        first.awaitText("#gov-summary", "DRAFT");
        Browser second = signedIn("olivia", "/console/govs/" + gov);
        second.awaitText("#live", "Live");
        second.script("window.notReloaded = true");

        first.type("#lattice-name", "zora").type("#lattice-chain", "7777777").type("#lattice-fingerprint", LATTICE_FP)
                .click("#reference-lattice button[type=submit]");

        second.awaitText("#draft", "zora");
        second.awaitText("#audit", "CitizenReferenced");
        assertThat(second.script("return window.notReloaded")).isEqualTo(true);
    }

    @Test
    void a_page_opened_before_its_gov_is_visible_shows_the_gov_once_it_is() {
        String gov = gov();
        Browser browser = signedIn("olivia", "/console/govs/" + gov);
        browser.awaitText("#gov-summary", "There is no gov named " + gov);

        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}", "X-Operator", "olivia");

        browser.awaitText("#gov-summary", "DRAFT");
        browser.awaitText("#audit", "GovCreated");
    }

    @Test
    void the_console_holds_to_the_apis_authority() {
        String gov = govOfOlivia();

        Browser stranger = signedIn("mallory", "/console/govs/" + gov);
        stranger.awaitText("#gov-summary", "version 0");
        stranger.type("#ship-fingerprint", ATLAS_FP).click("#ship-service button[type=submit]");
        assertThat(stranger.awaitText("#ship-service .field-error", "is not an operator of gov")).isNotBlank();
        assertThat(eventsOf(gov)).as("only GovCreated is on the log").isEqualTo(1);

        Browser owner = signedIn("olivia", "/console/govs/" + gov);
        owner.type("#add-operator-name", "mallory").click("#add-operator button[type=submit]");
        owner.awaitText("#command-result", "Add a co-operator: done");
        // mallory's page follows the gov: it must show olivia's change before mallory's write is accepted (If-Match)
        stranger.awaitText("#gov-summary", "version 1");
        stranger.type("#ship-fingerprint", ATLAS_FP).click("#ship-service button[type=submit]");
        stranger.awaitText("#command-result", "Ship a basic service: done");
        assertThat(eventsOf(gov)).as("created, co-operator added, Atlas shipped").isEqualTo(3);

        Browser nobody = new Browser(api.uri("/").getPort());
        browsers.add(nobody);
        nobody.open("/console").type("#token", "not-a-token").click("#sign-in button");
        nobody.awaitText("#token-error", "not valid");
        nobody.awaitShown("#sign-in");
    }

    @Test
    void keyboard_alone_signs_in_every_field_is_labelled_and_small_screens_do_not_scroll_sideways() {
        String gov = govOfOlivia();
        Browser browser = new Browser(api.uri("/").getPort());
        browsers.add(browser);
        browser.open("/console/govs/" + gov);

        for (int tab = 0; tab < 10 && !"token".equals(browser.script("return document.activeElement.id")); tab++) {
            browser.keys(Keys.TAB);
        }
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("token");
        browser.keys(api.bearer("olivia").substring("Bearer ".length()), Keys.ENTER);
        browser.awaitText("#gov-summary", "DRAFT");

        Object unlabelled = browser.script("return [...document.querySelectorAll('input, select')]"
                + ".filter(f => f.type !== 'radio' && f.labels.length === 0).map(f => f.id || f.name)");
        assertThat((List<?>) unlabelled).as("fields without a label").isEmpty();
        for (String page : List.of("/console", "/console/govs/" + gov, "/console/reports", "/console/admin")) {
            browser.open(page).size(390, 844);
            browser.awaitShown("#sign-out");
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("%s fits 390 pixels", page).isEqualTo(true);
            browser.size(1280, 800);
        }
    }

    @Test
    void keyboard_alone_confirms_a_stale_confluence_publishes_and_schedules_a_bump_from_the_gov_page() {
        String gov = publishedWithBridgeOverBaseAndZora();
        String g = "/api/govs/" + gov;
        assertThat(api.post(g + "/citizens/zora/replacement", "{\"lattice\":{\"name\":\"zora\",\"chainId\":"
                + "7777777,\"fingerprint\":\"" + "8".repeat(64) + "\"}}", "X-Operator", "olivia").status())
                .isEqualTo(201);
        Browser browser = signedIn("olivia", "/console/govs/" + gov);

        // the state comes first and says what to do: bridge went stale with zora's new release
        assertThat(browser.awaitText("#tasks", "Confluence bridge is stale")).contains("publish it once no confluence is stale");
        assertThat(browser.script("return document.querySelectorAll('details.task[open]').length"))
                .as("every command folded until asked for").isEqualTo(0L);
        browser.screenshotOf("#tasks", "gov-tasks");

        // the task's button opens its form with bridge picked and the focus on what is left to say
        browser.tabTo("#tasks button[data-opens=confirm-confluence]", 40).keys(Keys.ENTER);
        browser.until(driver -> browser.focused("#confirm-reason"));
        assertThat(browser.script("return document.querySelector('#confirm-name').value")).isEqualTo("bridge");
        browser.keys("bridge speaks zora's new release", Keys.ENTER);
        browser.awaitText("#command-result", "Confirm a confluence unchanged: done");

        // publishing: the task, the form, then the confirmation dialog, all from the keyboard
        browser.awaitText("#tasks", "publish it when it is ready");
        browser.tabTo("#tasks button[data-opens=publish]", 40).keys(Keys.ENTER);
        browser.until(driver -> browser.focused("#publish-notes"));
        browser.keys("zora's new release", Keys.ENTER);
        browser.until(driver -> browser.confirming() && browser.focused("#confirm-action-reason"));
        browser.screenshot("gov-publish-confirmation", 1280, 800);
        browser.keys("zora moved and bridge speaks it", Keys.ENTER);
        browser.awaitText("#gov-summary", "revision 2");
        browser.awaitText("#tasks", "Nothing needs doing");

        // a bump, opened from its summary and filled field by field with Tab
        browser.script("document.activeElement.blur()");
        browser.tabTo("details:has(#schedule-bump) > summary", 80).keys(Keys.ENTER);
        browser.tabTo("#bump-citizen", 3).keys("base");
        String cutover = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        browser.keys(Keys.TAB, "5".repeat(64), Keys.TAB, cutover, Keys.TAB, "base 2.0", Keys.TAB);
        assertThat(browser.focused("#schedule-bump button[type=submit]")).isTrue();
        browser.keys(Keys.ENTER);
        browser.awaitText("#bump-result", "Scheduled with the usual notice");

        awaitProjections();
        Api.Reply state = api.send("GET", g, null, "X-Operator", "olivia");
        assertThat(state.json().path("published").path("revision").asInt()).isEqualTo(2);
        assertThat(state.json().path("pendingBumps").get(0).path("citizen").asText()).isEqualTo("base");
        Api.Reply history = api.send("GET", g + "/history?size=100", null, "X-Operator", "olivia");
        assertThat(history.body()).contains("bridge speaks zora's new release", "zora moved and bridge speaks it",
                "base 2.0");
    }

    /** Read from the event store itself: a refused write must have appended nothing, whatever the read models say. */
    private long eventsOf(String gov) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, gov);
    }
}
