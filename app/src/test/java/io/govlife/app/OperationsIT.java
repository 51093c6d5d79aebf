package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operator's platform sees: probes, and meters after a scripted scenario. */
class OperationsIT extends LiveApplication {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    List<MetricsConfigurerModule> metricsModules;

    /** An operator asking "which build is this node running?" gets the answer from the node itself (admins only). */
    @Test
    void actuator_info_names_the_build() {
        Api.Reply info = api.asAdmin("GET", "/actuator/info", null);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("build").path("artifact").asText()).isEqualTo("app");
        assertThat(info.json().path("build").path("version").asText()).isNotBlank();
        assertThat(info.json().path("build").path("time").asText()).isNotBlank();
        assertThat(api.send("GET", "/actuator/info", null, "-X-Operator").status()).isEqualTo(401);
    }

    @Test
    void liveness_and_readiness_are_public_and_readiness_follows_the_event_processors() {
        assertThat(api.send("GET", "/actuator/health/liveness", null, "-X-Operator").status()).isEqualTo(200);
        assertThat(api.send("GET", "/actuator/health/readiness", null, "-X-Operator").status()).isEqualTo(200);
        Api.Reply ready = api.asAdmin("GET", "/actuator/health/readiness", null); // details are for admins
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("components").path("eventProcessors").path("details").path("read-models")
                .asText()).isEqualTo("running");

        StreamingEventProcessor composition = processing.eventProcessor("read-models", StreamingEventProcessor.class)
                .orElseThrow();
        composition.shutDown();
        try {
            assertThat(api.send("GET", "/actuator/health/readiness", null, "-X-Operator").status()).isEqualTo(503);
            Api.Reply notReady = api.asAdmin("GET", "/actuator/health/readiness", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().path("components").path("eventProcessors").path("details")
                    .path("read-models").asText()).isEqualTo("stopped");
            assertThat(api.send("GET", "/actuator/health/liveness", null, "-X-Operator").status()).isEqualTo(200);
            // a stopped node lets its segments go: nobody projects them, and the status says so
            assertThat(api.asAdmin("GET", "/api/admin/projections", null).json().get(0).path("unclaimedSegments")
                    .asInt()).isPositive();
        } finally {
            composition.start();
        }
        assertThat(api.send("GET", "/actuator/health/readiness", null, "-X-Operator").status()).isEqualTo(200);
        Concurrently.awaitProjections(api); // which waits for every segment to be claimed again
    }

    /** Alone, this node holds every segment of the read models' processor, under the name it reports as its own. */
    @Test
    void segments_name_the_node_holding_each_and_this_node() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Reply reply = api.asAdmin("GET", "/api/admin/projections/segments", null);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            JsonNode answer = reply.json();
            String thisNode = answer.path("thisNode").asText();
            assertThat(thisNode).isNotBlank();
            assertThat(answer.path("claims").findValuesAsText("segment"))
                    .isEqualTo(java.util.stream.StreamSupport.stream(answer.path("segments").spliterator(), false)
                            .map(JsonNode::asText).toList())
                    .isNotEmpty();
            assertThat(answer.path("claims")).allSatisfy(claim -> {
                assertThat(claim.path("owner").asText()).isEqualTo(thisNode);
                assertThat(java.time.Instant.parse(claim.path("claimedAt").asText()))
                        .isBefore(java.time.Instant.now().plusSeconds(1));
            });
            assertThat(jdbc.queryForList("select distinct owner from token_entry where processor_name = "
                    + "'read-models'", String.class)).containsExactly(thisNode);
        });
    }

    @Test
    void other_actuator_endpoints_need_an_admin_token() {
        assertThat(api.send("GET", "/actuator/prometheus", null, "-X-Operator").status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/prometheus", null).status()).isEqualTo(403);
        assertThat(api.asAdmin("GET", "/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void prometheus_counts_accepted_and_rejected_commands_and_shows_axons_meters() {
        String gov = govWithTwoLattices();
        String acceptedPublish = "govlife_commands_total{application=\"govlife\",outcome=\"accepted\",rule=\"none\","
                + "type=\"PublishGovConfig\"}";
        String rejectedPublish = "govlife_commands_total{application=\"govlife\",outcome=\"refused\","
                + "rule=\"draft-unchanged\",type=\"PublishGovConfig\"}";
        double acceptedBefore = meter(acceptedPublish);
        double rejectedBefore = meter(rejectedPublish);

        assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(201);
        assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(409);
        assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(409);

        assertThat(meter(acceptedPublish)).isEqualTo(acceptedBefore + 1);
        assertThat(meter(rejectedPublish)).isEqualTo(rejectedBefore + 2);
        String scrape = api.asAdmin("GET", "/actuator/prometheus", null).body();
        assertThat(scrape).contains("commandBus").contains("eventProcessor");
        // Axon's own module backed off: the meters are registered once, by the one that leaves replays out
        assertThat(metricsModules).singleElement().satisfies(module -> assertThat(module.getClass().getName())
                .startsWith("io.govlife.app.axon.LiveOnlyMetrics"));
    }

    @Test
    void prometheus_shows_notices_publications_pending_cutovers_and_unacknowledged_integrators() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String gov = govWithTwoLattices();
            String g = "/api/govs/" + gov;
            double delivered = meter("govlife_notices_total{application=\"govlife\",outcome=\"delivered\"}");
            double publications = meter("govlife_publications_total{application=\"govlife\"}");
            double pending = meter("govlife_cutovers_pending{application=\"govlife\"}");
            double unacknowledged = meter("govlife_integrators_unacknowledged{application=\"govlife\"}");

            assertThat(api.post(g + "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\""
                    + receiver.url("/acme") + "\"}").status()).isEqualTo(201);
            assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
            assertThat(api.post(g + "/citizens/base/bumps", "{\"fingerprint\":\"" + fp(0x99)
                    + "\",\"cutoverAt\":\"2099-01-01T00:00:00Z\"}").status()).isEqualTo(201);

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(meter("govlife_notices_total{application=\"govlife\",outcome=\"delivered\"}"))
                        .isEqualTo(delivered + 2); // the publication and the advance notice of the bump
                assertThat(meter("govlife_publications_total{application=\"govlife\"}")).isEqualTo(publications + 1);
                assertThat(meter("govlife_cutovers_pending{application=\"govlife\"}")).isEqualTo(pending + 1);
                assertThat(meter("govlife_integrators_unacknowledged{application=\"govlife\"}"))
                        .isEqualTo(unacknowledged + 1);
            });
            assertThat(meter("govlife_cutovers_next_seconds{application=\"govlife\"}")).isPositive();
        }
    }

    private double meter(String series) {
        String scrape = api.asAdmin("GET", "/actuator/prometheus", null).body();
        Matcher matcher = Pattern.compile(Pattern.quote(series) + " ([0-9.E+-]+)").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

}
