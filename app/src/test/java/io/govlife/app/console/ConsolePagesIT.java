package io.govlife.app.console;

import io.govlife.app.Api;
import io.govlife.app.LiveApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's pages as plain HTTP: what anyone may fetch without a token, and the headers that guard them. */
class ConsolePagesIT extends LiveApplication {

    @Test
    void pages_are_shells_served_without_a_token_and_carry_no_gov_data() {
        String gov = "pages-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\",\"description\":\"secret plans\"}");

        // each page loads its own entry module, which imports what it shares
        for (var page : java.util.Map.of("/console", "govs", "/console/govs/" + gov, "gov", "/console/reports", "reports",
                "/console/admin", "admin", "/console/citizens", "citizens")
                .entrySet()) {
            Api.Reply reply = api.send("GET", page.getKey(), null, "-X-Operator");
            assertThat(reply.status()).as(page.getKey()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/html");
            assertThat(reply.body()).contains("id=\"sign-in\"").doesNotContain("secret plans")
                    .contains("<script type=\"module\" src=\"/console/" + page.getValue() + ".js\"></script>");
            assertThat(reply.header("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
        // the data behind the page needs the token, as for any script
        assertThat(api.send("GET", "/api/govs/" + gov, null, "-X-Operator").status()).isEqualTo(401);
    }

    @Test
    void scripts_styles_and_the_chart_library_are_served_by_the_application() {
        for (String asset : new String[] {"/console/console.css",
                "/webjars/uplot/dist/uPlot.iife.min.js", "/webjars/uplot/dist/uPlot.min.css"}) {
            Api.Reply reply = api.send("GET", asset, null, "-X-Operator");
            assertThat(reply.status()).as(asset).isEqualTo(200);
            assertThat(reply.body()).as(asset).isNotBlank();
        }
        // a browser runs an ES module only when it is served as JavaScript
        for (String module : new String[] {"api", "dom", "forms", "confirm", "timeline", "govs", "gov", "gov-views", "reports",
                "admin", "citizens"}) {
            Api.Reply reply = api.send("GET", "/console/" + module + ".js", null, "-X-Operator");
            assertThat(reply.status()).as(module).isEqualTo(200);
            assertThat(reply.contentType()).as(module).containsAnyOf("text/javascript", "application/javascript");
            assertThat(reply.body()).as(module).isNotBlank();
        }
    }
}
