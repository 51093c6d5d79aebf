package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.app.audit.VerifyAuditCommand;
import io.govlife.query.audit.AuditChain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash-chained audit export of a real gov, and the verify entry point an auditor runs on it. */
class AuditExportIT extends LiveApplication {

    @Test
    void the_export_holds_every_event_with_its_metadata_and_verifies_and_tampering_is_named() throws Exception {
        String gov = govWithTwoLattices();
        api.post("/api/govs/" + gov + "/operators", "{\"operator\":\"carol\"}");
        api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"first\",\"reason\":\"go live\"}",
                "X-Operator", "carol");
        api.delete("/api/govs/" + gov + "/citizens/zora", "{\"reason\":\"misbehaving\"}");

        Api.Reply export = get("/api/govs/" + gov + "/audit");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(7); // six events and the end line
        ObjectMapper json = new ObjectMapper();
        JsonNode publication = json.readTree(lines.get(4));
        assertThat(publication.path("type").asText()).isEqualTo("govlife.GovConfigPublished");
        assertThat(publication.path("metadata").path("operator").asText()).isEqualTo("carol");
        assertThat(publication.path("metadata").path("reason").asText()).isEqualTo("go live");
        assertThat(publication.path("payload").path("revision").asLong()).isEqualTo(1);

        Path file = Files.createTempFile("audit", ".ndjson");
        Files.writeString(file, export.body());
        assertThat(verify(file)).startsWith("OK: 6 events");
        assertThat(run(file)).isZero();

        List<String> tampered = new ArrayList<>(lines);
        tampered.set(1, tampered.get(1).replace("\"chainId\":8453", "\"chainId\":1"));
        Files.write(file, tampered);
        assertThat(verify(file)).contains("BROKEN at line 3").contains("line 2 was altered");
        assertThat(run(file)).isEqualTo(1);
    }

    /**
     * The attack the chain alone cannot stop: change an event and recompute every hash after it. With the service's
     * published key, verify-audit refuses the file at its end line, whose signed checkpoint no longer covers it.
     */
    @Test
    void an_export_rewritten_with_recomputed_hashes_fails_verification_with_the_published_key() throws Exception {
        String gov = govWithTwoLattices();
        Api.Reply key = api.send("GET", "/api/audit/key", null, "-X-Operator");
        assertThat(key.status()).as("the key is public").isEqualTo(200);
        String publicKey = key.json().path("publicKey").asText();
        List<String> lines = get("/api/govs/" + gov + "/audit").body().lines().toList();
        JsonNode end = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(end.path("keyId").asText()).isEqualTo(key.json().path("keyId").asText());
        assertThat(end.path("checkpoint").path("origin").asText()).endsWith("/govs/" + gov);
        assertThat(end.path("checkpoint").path("size").asInt()).isEqualTo(lines.size() - 1);

        Path file = Files.createTempFile("audit", ".ndjson");
        Files.write(file, lines);
        assertThat(verify(file, "--key", publicKey)).startsWith("OK: " + (lines.size() - 1) + " events")
                .contains("signed by key " + end.path("keyId").asText());
        assertThat(verify(file, "--key", "not-a-key")).startsWith("cannot read the key");
        assertThat(VerifyAuditCommand.run(new String[]{"verify-audit", file.toString(), "--key", "c2hvcnQ="},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);

        List<String> rewritten = new ArrayList<>(lines);
        rewritten.set(1, rewritten.get(1).replace("\"chainId\":8453", "\"chainId\":1"));
        String previous = AuditChain.hash(rewritten.get(1));
        for (int i = 2; i < rewritten.size(); i++) { // recompute every hash after the change, the end line's too
            rewritten.set(i, rewritten.get(i).replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + previous + "\"")
                    .replaceFirst("\"root\":\"[0-9a-f]{64}\"", "\"root\":\"" + previous + "\""));
            previous = AuditChain.hash(rewritten.get(i));
        }
        Files.write(file, rewritten);
        assertThat(verify(file)).as("the chain alone is fooled").startsWith("OK:");
        assertThat(verify(file, "--key", publicKey)).contains("BROKEN at line " + lines.size())
                .contains("signature does not match");
        assertThat(VerifyAuditCommand.run(new String[]{"verify-audit", file.toString(), "--key", publicKey},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(1);
    }

    /**
     * A row edited in the database behind the log's back exports as it now is, with a chain that holds: the seal
     * recorded when the event was appended is what names it, in the signed checkpoint.
     */
    @Test
    void an_event_row_edited_in_the_database_after_its_append_is_named() throws Exception {
        String gov = govWithTwoLattices();
        awaitProjections(); // the audit projection has sealed every line
        String publicKey = api.send("GET", "/api/audit/key", null, "-X-Operator").json().path("publicKey").asText();
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 1", byte[].class, gov);
        String original = new String(payload, StandardCharsets.UTF_8);
        assertThat(original).contains("8453");
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1",
                original.replace("8453", "1").getBytes(StandardCharsets.UTF_8), gov);

        List<String> lines = get("/api/govs/" + gov + "/audit").body().lines().toList();
        assertThat(lines.get(1)).contains("\"chainId\":1,");
        Path file = Files.createTempFile("audit", ".ndjson");
        Files.write(file, lines);
        assertThat(verify(file, "--key", publicKey)).contains("BROKEN at line 2")
                .contains("event 1 was altered or removed in the database after it was appended");
        assertThat(verify(file)).as("named even without the key").contains("BROKEN at line 2");

        // the end of the gov's log deleted: what remains chains and signs, but sealed events are missing
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1",
                payload, gov);
        long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, gov);
        Map<String, Object> removed = jdbc.queryForMap("select * from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", gov, last);
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?", gov, last);
        try {
            List<String> shortened = get("/api/govs/" + gov + "/audit").body().lines().toList();
            Files.write(file, shortened);
            assertThat(verify(file, "--key", publicKey)).contains("BROKEN at line " + shortened.size())
                    .contains("event " + last + " was altered or removed");
        } finally {
            // the application is shared with the other suites, whose rebuilds replay this log (ReplayIT)
            jdbc.update("insert into domain_event_entry (" + String.join(", ", removed.keySet()) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(removed.size(), "?")) + ")",
                    removed.values().toArray());
        }
    }


    @Test
    void the_export_of_an_unknown_gov_is_a_404_problem() {
        BadInputIT.assertProblem(get("/api/govs/no.such.gov/audit"), 404, "gov");
    }

    private static String verify(Path file, String... key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("verify-audit", file.toString()));
        args.addAll(List.of(key));
        VerifyAuditCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int run(Path file) {
        return VerifyAuditCommand.run(new String[]{"verify-audit", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
