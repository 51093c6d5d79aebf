package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a history of more than 200 events over HTTP across several govs (drops, replacements, bumps, revisions,
 * cancellations, a retirement), records every read model's HTTP output, replays every projection from the log
 * and checks that each output is exactly what it was.
 */
class ReplayIT extends LiveApplication {

    private static final List<String> PROJECTIONS = List.of("composition", "revisions", "audit", "channel", "reports",
            "fingerprints");

    @Test
    void replaying_every_projection_rebuilds_identical_read_models() {
        List<String> govs = new ArrayList<>();
        long before = eventCount();
        for (int g = 0; g < 4; g++) {
            govs.add(history(g));
        }
        assertThat(eventCount() - before).as("events written").isGreaterThanOrEqualTo(200);
        awaitProjections();
        Map<String, String> outputs = outputs(govs);

        // Damage every read model behind the application's back: only a rebuild from the log can undo this.
        jdbc.update("update composition set description = 'tampered', document = replace(document, 'chain-2', 'chain-z')");
        jdbc.update("delete from gov_revision where revision = 1");
        jdbc.update("delete from audit_entry where event_type = 'CitizenDropped'");
        jdbc.update("update channel_entry set title = 'tampered'");
        jdbc.update("update report_bump set lead_seconds = 1");
        jdbc.update("delete from fingerprint_change");
        jdbc.update("delete from fingerprint_run where first_revision = 2");
        assertThat(outputs(govs)).isNotEqualTo(outputs);

        for (String projection : PROJECTIONS) {
            Api.Reply replay = api.asAdmin("POST", "/api/admin/projections/" + projection + "/replay", null);
            assertThat(replay.status()).as("replay of %s", projection).isEqualTo(202);
        }
        awaitProjections();

        Map<String, String> replayed = outputs(govs);
        assertThat(outputs.values()).allSatisfy(output -> assertThat(output).startsWith("200\n"));
        assertThat(replayed.keySet()).isEqualTo(outputs.keySet());
        outputs.forEach((path, output) -> assertThat(replayed.get(path)).as(path).isEqualTo(output));
    }

    @Test
    void replaying_one_read_model_rebuilds_it_alone_and_every_read_model_goes_on_after() {
        String gov = history(7);
        awaitProjections();
        String p = "/api/govs/" + gov;
        Api.Reply history = get(p + "/history?size=200");
        jdbc.update("delete from audit_entry where gov = ? and event_type = 'CitizenDropped'", gov);
        jdbc.update("update composition set description = 'not rebuilt' where gov = ?", gov);
        assertThat(get(p + "/history?size=200").body()).isNotEqualTo(history.body());

        assertThat(api.asAdmin("POST", "/api/admin/projections/audit/replay", null).status()).isEqualTo(202);
        awaitProjections();

        assertThat(get(p + "/history?size=200").body()).isEqualTo(history.body());
        assertThat(get(p).json().path("description").asText()).as("composition kept as it was, not rebuilt")
                .isEqualTo("not rebuilt");
        assertThat(api.asAdmin("GET", "/api/admin/projections", null).json()).allSatisfy(status -> {
            assertThat(status.path("errors")).as(status.toString()).isEmpty();
            assertThat(status.path("inError").asBoolean()).as(status.toString()).isFalse();
        });
        // the next event reaches every read model, none of them twice
        long version = get(p).json().path("version").asLong();
        ok(api.put(p + "/services/PASSPORT", "{\"fingerprint\":\"" + fp(0x93) + "\"}"));
        awaitProjections();
        assertThat(get(p).json().path("version").asLong()).isEqualTo(version + 1);
        assertThat(get(p + "/history?type=BasicServiceShipped&size=200").json().path("items").findValuesAsText("summary"))
                .filteredOn(summary -> summary.contains("PASSPORT")).hasSize(1);
    }

    /** About 55 events: citizens in, a confluence, services, publications, a drop, a replacement, bumps. */
    private String history(int g) {
        String gov = uniqueGov();
        String p = "/api/govs/" + gov;
        ok(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"ECOSYSTEM\",\"description\":\"replay " + g
                + "\"}"));
        for (int i = 0; i < 20; i++) {
            ok(api.post(p + "/lattices", "{\"name\":\"chain-" + i + "\",\"chainId\":" + (100 + i)
                    + ",\"fingerprint\":\"" + fp(i + 1) + "\",\"reason\":\"chain " + i + " joins\"}"));
        }
        for (int i = 0; i < 10; i++) {
            ok(api.post(p + "/organisms", "{\"role\":\"organism-" + i + "\",\"fingerprint\":\"" + fp(0x40 + i)
                    + "\",\"kind\":\"oracle\"}"));
        }
        ok(api.post(p + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x80)
                + "\",\"spans\":[\"chain-0\",\"chain-1\"],\"stateMachineVersion\":\"1\"}"));
        ok(api.put(p + "/services/ATLAS", "{\"fingerprint\":\"" + fp(0x90) + "\",\"docsUrl\":\"https://docs.example/a\"}"));
        ok(api.put(p + "/services/CHRONICLE", "{\"fingerprint\":\"" + fp(0x91) + "\"}"));
        ok(api.post(p + "/publications", "{\"notes\":\"first\"}"));
        for (int i = 10; i < 15; i++) {
            ok(api.delete(p + "/citizens/chain-" + i, "{\"reason\":\"misbehaving\"}"));
        }
        ok(api.post(p + "/citizens/organism-3/replacement", "{\"organism\":{\"role\":\"organism-3\",\"fingerprint\":\""
                + fp(0xa3) + "\"},\"reason\":\"new build\"}"));
        ok(api.delete(p + "/citizens/chain-1", "{\"reason\":\"left\"}"));
        ok(api.put(p + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x81)
                + "\",\"spans\":[\"chain-0\",\"chain-2\"],\"stateMachineVersion\":\"2\"}"));
        ok(api.delete(p + "/services/CHRONICLE", null));
        ok(api.post(p + "/publications", "{\"notes\":\"second\"}"));
        ok(api.post(p + "/citizens/chain-0/bumps", "{\"fingerprint\":\"" + fp(0xb0)
                + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}"));
        ok(api.put(p + "/confluences/bridge", "{\"fingerprint\":\"" + fp(0x82)
                + "\",\"spans\":[\"chain-0\",\"chain-2\"],\"stateMachineVersion\":\"3\"}"));
        ok(api.post(p + "/citizens/chain-5/bumps", "{\"fingerprint\":\"" + fp(0xb5)
                + "\",\"cutoverAt\":\"2099-02-01T00:00:00Z\"}"));
        ok(api.delete(p + "/citizens/chain-5/bumps/current", "{\"reason\":\"postponed\"}"));
        ok(api.put(p + "/services/ALMANAC", "{\"fingerprint\":\"" + fp(0x92) + "\"}"));
        ok(api.post(p + "/publications", "{\"notes\":\"third\"}"));
        if (g == 3) {
            ok(api.post(p + "/retirement", "{\"reason\":\"merged into another gov\"}"));
        }
        return gov;
    }

    private Map<String, String> outputs(List<String> govs) {
        Map<String, String> outputs = new LinkedHashMap<>();
        record("/api/govs?size=200", outputs);
        record("/api/fingerprints/" + fp(1), outputs); // chain-0 of every gov: one match per gov
        for (String gov : govs) {
            String p = "/api/govs/" + gov;
            for (String path : List.of(p, p + "/config", p + "/config?revision=1", p + "/revisions",
                    p + "/revisions/1/diff/3", p + "/history?size=200", p + "/history?type=CitizenDropped",
                    p + "/changelog", p + "/feed", "/govs/" + gov, "/api/reports/bumps?gov=" + gov,
                    "/api/reports/publications?gov=" + gov, "/api/reports/composition?gov=" + gov,
                    "/api/reports/cadence?gov=" + gov)) {
                record(path, outputs);
            }
            // the lookup of every root the gov published: each superseded by the next, with the changes since
            for (com.fasterxml.jackson.databind.JsonNode revision : get(p + "/revisions").json()) {
                record("/api/fingerprints/" + revision.path("fingerprint").asText(), outputs);
            }
        }
        return outputs;
    }

    private void record(String path, Map<String, String> outputs) {
        Api.Reply reply = get(path);
        outputs.put(path, reply.status() + "\n" + reply.body() + "\nETag: " + reply.header("ETag"));
    }

    private static void ok(Api.Reply reply) {
        assertThat(reply.status()).as("set-up call answered %s", reply).isBetween(200, 299);
    }
}
