package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application as a separate process, concurrent clients writing thousands of commands, then SIGKILL
 * mid-run. After a restart on the same data directory: every write answered 2xx is in the log exactly once, the
 * read models converge on the log, and a cutover that was pending at the crash still happens.
 * Run by failsafe after {@code package}; the jar's path comes in the {@code govlife.jar} system property.
 */
class CrashIT {

    private static final int CLIENTS = 8;
    private static final int KILL_AFTER_ACKNOWLEDGED = 2500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ARGUMENTS = {"--govlife.bump.minimum-notice=PT2S",
            "--db-scheduler.polling-interval=500ms", "--govlife.security.rate-limits.write-burst=1000000",
            "--govlife.security.rate-limits.writes-per-second=1000000"};

    @RegisterExtension
    final PackagedApp packaged = PackagedApp.onFreshDataDir();

    @Test
    void acknowledged_writes_survive_a_kill_9_exactly_once_and_a_pending_cutover_still_happens() throws Exception {
        Process app = packaged.start("first.log", ARGUMENTS);
        Api api = packaged.api();
        packaged.awaitReady();

        List<String> govs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String gov = "crash-" + c;
            govs.add(gov);
            assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(201);
            assertThat(api.post("/api/govs/" + gov + "/lattices", "{\"name\":\"base\",\"chainId\":1,"
                    + "\"fingerprint\":\"" + LiveApplication.fp(1) + "\"}").status()).isEqualTo(201);
            assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(201);
        }
        Instant cutoverAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post("/api/govs/crash-0/citizens/base/bumps", "{\"fingerprint\":\"" + LiveApplication.fp(9)
                + "\",\"cutoverAt\":\"" + cutoverAt + "\"}").status()).isEqualTo(201);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            String gov = govs.get(c);
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String role = "o-" + i;
                    try {
                        Api.Reply reply = api.post("/api/govs/" + gov + "/organisms", "{\"role\":\"" + role
                                + "\",\"fingerprint\":\"" + LiveApplication.fp(2) + "\"}");
                        if (reply.status() / 100 == 2) {
                            acknowledged.add(gov + "/" + role);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED);
        app.destroyForcibly().waitFor(); // SIGKILL while the clients are still writing
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as("killed, not stopped").isNotZero();

        packaged.start("second.log", ARGUMENTS);
        packaged.awaitReady();

        for (String gov : govs) {
            Map<String, Integer> referenced = referencedRoles(api, gov);
            assertThat(referenced.values()).as("no write of %s in the log twice", gov).allMatch(n -> n == 1);
            acknowledged.stream().filter(a -> a.startsWith(gov + "/"))
                    .forEach(a -> assertThat(referenced).as("acknowledged %s in the log", a)
                            .containsKey(a.substring(gov.length() + 1)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String gov : govs) {
                JsonNode state = api.send("GET", "/api/govs/" + gov, null).json();
                assertThat(state.path("draft").path("config").path("organisms").size())
                        .as("read model of %s converged on the log", gov).isEqualTo(referencedRoles(api, gov).size());
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> api.send("GET", "/api/govs/crash-0", null).json()
                .path("published").path("revision").asLong() == 2);
    }

    /**
     * The process dies after a write's events are appended and its answer stored, before they commit together: after
     * the restart, the client's retry with the same key writes once, and a further retry gets that answer again.
     * (When the answer committed separately, after the events, a kill between the two left the events in the log and
     * the key abandoned, and the retry wrote them a second time.)
     */
    @Test
    void a_kill_between_a_write_and_its_stored_answer_never_lets_the_retry_write_twice() throws Exception {
        String key = "crash-between-write-and-answer";
        Process app = packaged.start("first.log", "--govlife.fault-injection.halt-before-commit-of-idempotency-key=" + key);
        Api api = packaged.api();
        packaged.awaitReady();
        String gov = "idempotent-crash";
        assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        String organism = "{\"role\":\"price-oracle\",\"fingerprint\":\"" + LiveApplication.fp(3) + "\"}";
        assertThatThrownBy(() -> api.post("/api/govs/" + gov + "/organisms", organism, "Idempotency-Key", key))
                .as("the connection dies with the process").isInstanceOf(RuntimeException.class);
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(137);

        packaged.start("second.log");
        packaged.awaitReady();
        // the dead node's claim on the key is taken over once its heartbeat has lapsed; until then: 409, retry later
        Api.Reply retried = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.post("/api/govs/" + gov + "/organisms", organism, "Idempotency-Key", key),
                reply -> reply.status() != 409);
        assertThat(retried.status()).as("the retry of a write that never committed").isEqualTo(201);
        Api.Reply again = api.post("/api/govs/" + gov + "/organisms", organism, "Idempotency-Key", key);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(referencedRoles(api, gov))
                .containsExactly(Map.entry("price-oracle", 1)));
    }

    /** How many times each organism role was referenced, read from the event log itself (the audit export). */
    private static Map<String, Integer> referencedRoles(Api api, String gov) throws IOException {
        Map<String, Integer> roles = new HashMap<>();
        for (String line : api.send("GET", "/api/govs/" + gov + "/audit", null).body().lines().toList()) {
            JsonNode event = JSON.readTree(line);
            if (event.path("type").asText().equals("govlife.CitizenReferenced")
                    && event.path("payload").path("citizen").path("type").asText().equals("organism")) {
                roles.merge(event.path("payload").path("citizen").path("role").asText(), 1, Integer::sum);
            }
        }
        return roles;
    }
}
