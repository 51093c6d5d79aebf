package io.govlife.app;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from an operator console's write to the read models and sagas that handled its event: the request
 * carries a W3C {@code traceparent}, and the HTTP span, Axon's command handling, the event's publication and its
 * handling by projections and the notices all land in that trace; the command's log line names it. Spans are collected in memory (no exporter is configured).
 */
@Import(TracingIT.CollectedSpans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends LiveApplication {

    @TestConfiguration(proxyBeanMethods = false)
    static class CollectedSpans {
        @Bean
        InMemorySpanExporter collectedSpans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;

    /**
     * A database of its own: the suites' shared application stays up beside this one, and on one H2 file its
     * processor would handle events, recording their spans where this test does not look. (On PostgreSQL every
     * application context already gets a fresh database.)
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        if (!ON_POSTGRES) {
            Path dataDir = freshDataDir();
            registry.add("spring.datasource.url",
                    () -> "jdbc:h2:file:" + dataDir + "/govlife;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @Test
    void one_trace_runs_from_a_write_through_its_command_and_event_to_the_read_models(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gov = uniqueGov();
        Api.Reply created = api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"ECOSYSTEM\"}",
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> names = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).map(SpanData::getName).toList();
            assertThat(names).as("spans of the write's trace")
                    .contains("http post /api/govs", "CommandBus.handleCommand(CreateGov)",
                            "EventBus.publishEvent(GovCreated)", "StreamingEventProcessor.process(GovCreated)")
                    .anyMatch(name -> name.startsWith("CompositionProjection.on(GovCreated"))
                    .anyMatch(name -> name.startsWith("AuditProjection.on("))
                    .as("and a saga's handling of it").anyMatch(name -> name.startsWith("NoticeAuthority.on(GovCreated"))
                    .as("and no span per security filter, authentication or authorisation")
                    .noneMatch(name -> name.contains("security") || name.contains("filterchain")
                            || name.contains("secured") || name.contains("authorize") || name.contains("authenticat"));
        });
        assertThat(output.getAll()).as("the command's log line names its trace")
                .containsPattern("\\[" + traceId + ",[0-9a-f]{16},[^\\]]*\\].*command=CreateGov gov=" + gov);
    }

    @Test
    void a_replay_s_handling_lands_in_no_trace_and_live_handling_after_it_is_traced_again() {
        String written = UUID.randomUUID().toString().replace("-", "");
        String gov = uniqueGov();
        created(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"ECOSYSTEM\"}",
                "traceparent", "00-" + written + "-00f067aa0ba902b7-01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> handlings(written) == 1);

        assertThat(api.asAdmin("POST", "/api/admin/projections/composition/replay", null).status()).isEqualTo(202);
        awaitProjections();
        // handled in log order: once a write after the replay is traced, the replay's handling is behind it
        String after = UUID.randomUUID().toString().replace("-", "");
        created(api.post("/api/govs", "{\"name\":\"" + uniqueGov() + "\",\"archetype\":\"ECOSYSTEM\"}",
                "traceparent", "00-" + after + "-00f067aa0ba902b7-01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> handlings(after) == 1);
        assertThat(get("/api/govs/" + gov).status()).as("the replay rebuilt the gov").isEqualTo(200);
        assertThat(handlings(written)).as("the rebuild's handling of the old write is not in its trace").isEqualTo(1);
    }

    /** The composition projection's handlings of a gov's creation recorded in that trace. */
    private long handlings(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId))
                .filter(span -> span.getName().startsWith("CompositionProjection.on(GovCreated")).count();
    }

    @Test
    void a_notice_s_delivery_is_in_the_trace_of_the_publication_that_caused_it() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String gov = uniqueGov();
            String g = "/api/govs/" + gov;
            created(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}"));
            created(api.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + fp(0x33) + "\"}"));
            created(api.post(g + "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\""
                    + receiver.url("/acme") + "\"}"));
            String traceId = UUID.randomUUID().toString().replace("-", "");
            created(api.post(g + "/publications", "{}", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.at("/acme"))
                    .as("the webhook request carries the publication's trace")
                    .anyMatch(request -> String.valueOf(request.header("traceparent"))
                            .matches("00-" + traceId + "-[0-9a-f]{16}-01")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .anyMatch(span -> span.getTraceId().equals(traceId) && span.getName().equals("notice delivery")));
        }
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}
