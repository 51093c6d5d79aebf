package io.govlife.app;

import io.govlife.events.Name;
import io.govlife.events.gov.PublishGovConfig;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that would break what govlife writes it into: refused at the edge, and escaped for each output anyway, since
 * the log keeps whatever it was once given.
 */
class HostileOutputsIT extends LiveApplication {

    @Autowired
    private CommandGateway commands;

    @Test
    void control_characters_and_bidi_overrides_are_refused_at_the_edge_naming_the_field() {
        String gov = govWithTwoLattices();
        long before = eventCount();
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"bad\\u0001notes\"}"),
                400, "notes");
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"ok\",\"reason\":"
                + "\"looks \\u202eright\"}"), 400, "reason");
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"\\ud800 alone\"}"),
                400, "notes");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"two\\nlines\\tand a tab\"}")
                .status()).as("line breaks and tabs are text").isEqualTo(201);
    }

    @Test
    void a_number_is_not_a_string() {
        String gov = govWithTwoLattices();
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/lattices", "{\"name\":\"mode\",\"chainId\":34443,"
                + "\"fingerprint\":\"" + fp(0x61) + "\",\"operatorContact\":5}"), 400, "operatorContact");
        BadInputIT.assertProblem(api.post("/api/govs/" + gov + "/publications", "{\"notes\":true}"), 400, "notes");
    }

    @Test
    void notes_cannot_forge_markdown_or_html_in_the_changelog() {
        String gov = govWithTwoLattices();
        assertThat(api.post("/api/govs/" + gov + "/publications",
                "{\"notes\":\"fine\\n## Revision 99 published\\n<script>alert(1)</script> [x](http://evil)\"}")
                .status()).isEqualTo(201);
        awaitProjections();
        String changelog = api.send("GET", "/api/govs/" + gov + "/changelog", null, "-X-Operator").body();
        assertThat(changelog).doesNotContain("\n## Revision 99").doesNotContain("<script>")
                .doesNotContain("[x](http://evil)")
                .contains("\\#\\# Revision 99 published").contains("&lt;script&gt;");
    }

    @Test
    void a_control_character_already_in_the_log_does_not_break_the_feed() {
        String gov = govWithTwoLattices();
        // written past the edge, as an older version could have: the log keeps it for good
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PublishGovConfig(Name.of(gov),
                "from before\u0001the edge", null)).withMetaData(MetaData.with("operator", "alice")));
        awaitProjections();
        Api.Reply feed = api.send("GET", "/api/govs/" + gov + "/feed", null, "-X-Operator");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).contains("from before\uFFFDthe edge").doesNotContain("\u0001");
        assertThat(api.send("GET", "/api/govs/" + gov + "/changelog", null, "-X-Operator").status()).isEqualTo(200);
    }

    @Test
    void feed_links_come_from_the_configured_public_url_not_the_host_header() {
        String gov = govWithTwoLattices();
        api.post("/api/govs/" + gov + "/publications", "{}");
        awaitProjections();
        RawHttp.Reply feed = RawHttp.send(port, "GET", "/api/govs/" + gov + "/feed", List.of("Host",
                "evil.example", "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"), null, true);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain("evil.example")
                .contains("href=\"http://localhost:8080/govs/" + gov + "\"")
                .contains("href=\"http://localhost:8080/api/govs/" + gov + "/feed\"");
    }
}
