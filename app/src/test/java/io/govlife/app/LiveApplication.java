package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: the real application on a random port, on a real H2 file store in a fresh
 * data directory, or, when the system property {@code govlife.it.storage} is {@code postgres}, on a fresh database
 * of a real PostgreSQL server (the build runs the HTTP suites both ways). Every subclass shares this one
 * configuration, so Spring starts the application once per test JVM.
 */
@SpringBootTest(classes = GovlifeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = LiveApplication.Storage.class)
@AutoConfigureObservability // Boot turns metric export off in tests unless asked; operators scrape it in production
public abstract class LiveApplication {

    static final Path DATA_DIR = freshDataDir();
    static final boolean ON_POSTGRES = "postgres".equals(System.getProperty("govlife.it.storage", "h2"));

    /** The profile that picks the storage: none for the embedded H2 default. */
    static class Storage implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return ON_POSTGRES ? new String[] {"postgres"} : new String[0];
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("govlife.data-dir", DATA_DIR::toString);
        if (ON_POSTGRES) {
            String url = PostgresServer.freshDatabase();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("govlife.security.bootstrap-admin-token", () -> Api.ADMIN_TOKEN);
        // the suites write as a handful of operators from one address, far faster than a person; RateLimitsIT
        // checks the limits with their own small settings
        registry.add("govlife.security.rate-limits.write-burst", () -> "1000000");
        registry.add("govlife.security.rate-limits.writes-per-second", () -> "1000000");
        registry.add("govlife.security.rate-limits.failed-authentications", () -> "1000000");
        registry.add("govlife.stream.recheck-interval", () -> "PT0.5S");
        // notices go to receivers on loopback, retry fast, and bumps may cut over seconds ahead
        registry.add("govlife.webhooks.allowed-hosts", () -> "127.0.0.1,localhost");
        registry.add("govlife.webhooks.first-retry", () -> "PT0.2S");
        registry.add("govlife.webhooks.poll-interval", () -> "PT0.1S");
        registry.add("govlife.bump.minimum-notice", () -> "PT2S");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        // an open event stream must not hold the test JVM's exit for the production grace period
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "2s");
    }

    @Autowired
    private org.springframework.context.ConfigurableApplicationContext application;

    @BeforeEach
    void connect() {
        api = new Api(port);
        if (ON_POSTGRES) {
            PostgresServer.usedBy(application);
        }
    }

    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("govlife-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gov name no other test uses. */
    protected static String uniqueGov() {
        return "it-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected static String fp(int b) {
        return String.format("%02x", b).repeat(32);
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Waits until every read model has processed the whole log. */
    protected void awaitProjections() {
        Concurrently.awaitProjections(api);
    }

    protected Api.Reply get(String path) {
        return api.send("GET", path, null);
    }

    /** Creates a gov with lattices {@code base} and {@code zora}; returns its name. */
    protected String govWithTwoLattices() {
        String gov = uniqueGov();
        Api.Reply created = api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"ECOSYSTEM\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("set-up failed: " + created);
        }
        api.post("/api/govs/" + gov + "/lattices",
                "{\"name\":\"base\",\"chainId\":8453,\"fingerprint\":\"" + fp(0x11) + "\"}");
        api.post("/api/govs/" + gov + "/lattices",
                "{\"name\":\"zora\",\"chainId\":7777777,\"fingerprint\":\"" + fp(0x22) + "\"}");
        return gov;
    }

    protected static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds confluence {@code bridge} (0x44 bytes, state machine version 1) spanning lattices base and zora. */
    protected void bridgeAcrossBothLattices(String g) {
        assertThat(api.post(g + "/confluences", "{\"name\":\"bridge\",\"fingerprint\":\"" + fp(0x44)
                + "\",\"spans\":[\"base\",\"zora\"],\"stateMachineVersion\":\"1\"}").status()).isEqualTo(201);
    }
}
