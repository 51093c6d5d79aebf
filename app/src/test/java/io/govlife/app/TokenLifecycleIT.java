package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap admin token across restarts, and the rate limits that slow guessers and floods — each on an
 * application of its own, as they need starts with different settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenLifecycleIT {

    private final Path dataDir = LiveApplication.freshDataDir();

    @Test
    void the_bootstrap_token_is_accepted_only_while_configured_and_start_up_says_which(CapturedOutput output) {
        String keeper;
        try (ConfigurableApplicationContext first = start("--govlife.security.bootstrap-admin-token="
                + Api.ADMIN_TOKEN)) {
            Api api = api(first);
            assertThat(output.getOut()).contains("Bootstrap admin token in force");
            Api.Reply issued = api.asAdmin("POST", "/api/admin/tokens", "{\"operator\":\"keeper\",\"admin\":true}");
            assertThat(issued.status()).isEqualTo(201);
            keeper = issued.json().path("token").asText();
            // never stored: the table holds the tokens it issued, not the configured one
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from operator_token",
                    Long.class)).isEqualTo(1L);
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(output.getOut()).contains("No bootstrap admin token configured");
            Api.Reply refused = api.asAdmin("GET", "/api/admin/tokens", null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(api.send("GET", "/api/admin/tokens", null, "Authorization", "Bearer " + keeper).status())
                    .as("a stored admin token outlives the bootstrap one").isEqualTo(200);
        }
    }

    @Test
    void refused_credentials_and_writes_beyond_their_limits_get_429_with_retry_after() {
        try (ConfigurableApplicationContext app = start("--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.security.rate-limits.failed-authentications=3",
                "--govlife.security.rate-limits.failed-authentications-per=PT1H",
                "--govlife.security.rate-limits.write-burst=3",
                "--govlife.security.rate-limits.writes-per-second=1")) {
            Api api = api(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String writer = api.bearer("writer");
            String other = api.bearer("other");

            // writes: a burst of three, then one a second
            String gov = "limited.gov";
            List<Integer> statuses = new ArrayList<>();
            statuses.add(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}",
                    "Authorization", writer).status());
            for (int i = 1; i <= 2; i++) {
                statuses.add(api.post("/api/govs/" + gov + "/organisms", organism(i), "Authorization", writer)
                        .status());
            }
            assertThat(statuses).containsOnly(201);
            Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Api.Reply limited = api.post("/api/govs/" + gov + "/organisms", organism(3), "Authorization", writer);
            BadInputIT.assertProblem(limited, 429, "operator");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(events);
            assertThat(api.post("/api/govs", "{\"name\":\"other.gov\",\"archetype\":\"SERVICE\"}",
                    "Authorization", other).status()).as("another operator's bucket").isEqualTo(201);
            assertThat(api.send("GET", "/api/govs/" + gov, null, "Authorization", writer).status())
                    .as("reads are not writes").isIn(200, 404);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> api.post("/api/govs/" + gov + "/organisms",
                    organism(3), "Authorization", writer).status() == 201);

            // refused credentials: three, then the client gets 429 for anything it presents a credential with
            for (int i = 0; i < 3; i++) {
                BadInputIT.assertProblem(api.send("GET", "/api/govs", null, "Authorization", "Bearer glt_guess" + i),
                        401, "Authorization");
            }
            Api.Reply slowed = api.send("GET", "/api/govs", null, "Authorization", "Bearer glt_guess3");
            BadInputIT.assertProblem(slowed, 429, "Authorization");
            assertThat(Long.parseLong(slowed.header("Retry-After"))).isPositive();
            assertThat(api.send("GET", "/api/govs", null, "Authorization", writer).status())
                    .as("even a good token, from the guessing address").isEqualTo(429);
            assertThat(api.send("GET", "/api/govs/" + gov + "/config", null, "-X-Operator").status())
                    .as("public reads carry no credential and stay open").isIn(200, 404);
        }
    }

    private static String organism(int i) {
        return "{\"role\":\"oracle-" + i + "\",\"fingerprint\":\"" + LiveApplication.fp(0x40 + i) + "\"}";
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--govlife.data-dir=" + dataDir,
                "--logging.level.root=warn", "--logging.level.io.govlife.app.security=info"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(GovlifeApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
