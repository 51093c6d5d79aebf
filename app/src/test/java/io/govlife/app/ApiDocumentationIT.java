package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated OpenAPI document covers every path of the HTTP contract ({@code docs/API.md}, the copy of
 * shared/API.md this code implements) and documents write headers and problem responses.
 */
class ApiDocumentationIT extends LiveApplication {

    private static final Path CONTRACT = Path.of("..", "docs", "API.md");

    @Test
    void every_path_of_the_contract_is_documented() throws IOException {
        JsonNode paths = api.send("GET", "/v3/api-docs", null, "-X-Operator").json().path("paths");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + shape(path))));

        List<String> contract = contractRows();
        assertThat(contract).as("rows read from the contract").hasSizeGreaterThan(30);
        assertThat(documented).containsAll(contract);
    }

    @Test
    void writes_document_their_headers_and_problems() {
        JsonNode publish = api.send("GET", "/v3/api-docs", null, "-X-Operator").json()
                .path("paths").path("/api/govs/{gov}/publications").path("post");
        assertThat(publish.path("parameters").findValuesAsText("name"))
                .contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
        assertThat(publish.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(publish.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(api.send("GET", "/swagger-ui/index.html", null, "-X-Operator").status()).isEqualTo(200);
    }

    @Test
    void integrators_reads_are_documented_as_needing_no_token_and_writes_as_needing_one() {
        JsonNode paths = api.send("GET", "/v3/api-docs", null, "-X-Operator").json().path("paths");
        for (String read : List.of("/api/fingerprints/{fingerprint}", "/api/govs/{gov}/config",
                "/api/govs/{gov}/revisions", "/govs/{gov}", "/fingerprints")) {
            JsonNode security = paths.path(read).path("get").path("security");
            assertThat(security.isArray() && security.isEmpty()).as("security of GET %s: %s", read, security).isTrue();
        }
        assertThat(paths.path("/api/govs/{gov}/citizens/{citizen}/operators").path("post").path("security")
                .isMissingNode()).as("a write keeps the document's bearer requirement").isTrue();
        assertThat(paths.path("/api/govs/{gov}/history").path("get").path("security").isMissingNode()).isTrue();
    }

    @Test
    void the_reads_sent_as_rendered_bytes_are_documented_as_json_with_their_entity_tag() {
        JsonNode paths = api.send("GET", "/v3/api-docs", null, "-X-Operator").json().path("paths");
        for (String read : List.of("/api/fingerprints/{fingerprint}", "/api/govs/{gov}/config")) {
            JsonNode ok = paths.path(read).path("get").path("responses").path("200");
            assertThat(ok.path("content").path("application/json").path("schema").path("type").asText())
                    .as("GET %s: %s", read, ok).isEqualTo("object");
            assertThat(ok.path("headers").has("ETag")).as("GET %s: %s", read, ok).isTrue();
            assertThat(paths.path(read).path("get").path("responses").has("304")).as("GET %s", read).isTrue();
        }
        assertThat(paths.path("/api/govs/{gov}/config").path("get").path("responses").path("200").path("headers")
                .has("Gov-Revision")).isTrue();
    }

    /** Every {@code METHOD /path} of the contract, path parameters reduced to {@code {}}. */
    private static List<String> contractRows() throws IOException {
        Matcher row = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`\\s]*)`").matcher(Files.readString(CONTRACT));
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            if (!row.group(2).contains("...")) {
                rows.add(row.group(1) + " " + shape(row.group(2)));
            }
        }
        return rows;
    }

    private static String shape(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
