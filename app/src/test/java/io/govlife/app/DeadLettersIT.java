package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model that fails on an event parks it, with every later event of the same gov, and goes on with every
 * other gov; the other read models go on with that gov too. The failure here is a real one: the gov's composition
 * row taken away behind the application's back, which the composition projection cannot apply a change to.
 */
class DeadLettersIT extends LiveApplication {

    @Test
    void a_failing_event_is_parked_with_its_gov_s_later_events_and_retried_once_its_cause_is_fixed() {
        String parked = govWithTwoLattices();
        String other = govWithTwoLattices();
        long version = hideComposition(parked);
        try {
            ship(parked, "ATLAS", 0x31);
            ship(parked, "ALMANAC", 0x32);
            ship(other, "ATLAS", 0x33);
            awaitProjections();

            // every other gov, and every other read model of this one, went on (its history answers 404 while
            // the composition does not know the gov, so the audit trail is read in its table)
            assertThat(services(other)).containsExactly("ATLAS");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where gov = ? and event_type = ?",
                    Integer.class, parked, "BasicServiceShipped")).isEqualTo(2);

            JsonNode letters = parkedOf(parked);
            assertThat(letters.path("readModel").asText()).isEqualTo("composition");
            assertThat(letters.path("events").findValuesAsText("type"))
                    .containsExactly("BasicServiceShipped", "BasicServiceShipped");
            assertThat(letters.path("events").findValuesAsText("sequenceNumber"))
                    .containsExactly(String.valueOf(version + 1), String.valueOf(version + 2));
            assertThat(letters.path("events").get(0).path("causeType").asText()).isNotBlank();
            assertThat(letters.path("events").get(0).path("causeMessage").asText())
                    .isEqualTo("composition of unknown gov " + parked);

            // ready, but degraded, with the count, for the platform and the admin alike
            assertThat(api.send("GET", "/actuator/health/readiness", null, "-X-Operator").status()).isEqualTo(200);
            JsonNode readiness = api.asAdmin("GET", "/actuator/health/readiness", null).json();
            assertThat(readiness.path("status").asText()).isEqualTo("DEGRADED");
            JsonNode processors = readiness.path("components").path("eventProcessors");
            assertThat(processors.path("details").path("read-models").asText()).isEqualTo("running");
            assertThat(processors.path("details").path("deadLetters").path("composition").asLong()).isEqualTo(2);
            assertThat(api.asAdmin("GET", "/actuator/prometheus", null).body()).contains(
                    "govlife_read_models_dead_letters{application=\"govlife\",read_model=\"composition\"} 2.0");

            // a retry while the cause is still there changes nothing
            JsonNode failed = api.asAdmin("POST", "/api/admin/dead-letters/composition/" + parked + "/retry", null)
                    .json();
            assertThat(failed.path("handled").asBoolean()).isFalse();
            assertThat(failed.path("stillParked")).hasSize(2);
            assertThat(get("/api/govs/" + parked).status()).isEqualTo(404);

            restoreComposition(parked);
            Api.Reply retried = api.asAdmin("POST", "/api/admin/dead-letters/composition/" + parked + "/retry", null);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().path("handled").asBoolean()).as(retried.body()).isTrue();
            assertThat(retried.json().path("stillParked")).isEmpty();

            assertThat(get("/api/govs/" + parked).json().path("version").asLong()).isEqualTo(version + 2);
            assertThat(services(parked)).containsExactly("ALMANAC", "ATLAS");
            assertThat(parkedOf(parked)).isNull();
            assertThat(api.asAdmin("GET", "/actuator/health/readiness", null).json().path("status").asText())
                    .isEqualTo("UP");
            assertThat(api.asAdmin("GET", "/actuator/prometheus", null).body()).contains(
                    "govlife_read_models_dead_letters{application=\"govlife\",read_model=\"composition\"} 0.0");
        } finally {
            cleanUp(parked);
        }
    }

    @Test
    void an_evicted_gov_misses_those_events_until_its_read_model_is_rebuilt() {
        String gov = govWithTwoLattices();
        long version = hideComposition(gov);
        try {
            ship(gov, "ATLAS", 0x34);
            awaitProjections();
            assertThat(parkedOf(gov)).isNotNull();
            restoreComposition(gov);

            assertThat(api.send("DELETE", "/api/admin/dead-letters/composition/" + gov, null).status())
                    .as("operators do not run the read side").isEqualTo(403);
            assertThat(api.asAdmin("DELETE", "/api/admin/dead-letters/composition/" + gov, null).status())
                    .isEqualTo(204);
            assertThat(parkedOf(gov)).isNull();
            assertThat(get("/api/govs/" + gov).json().path("version").asLong())
                    .as("the evicted event never reached the composition").isEqualTo(version);

            Api.Reply again = api.asAdmin("DELETE", "/api/admin/dead-letters/composition/" + gov, null);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.contentType()).isEqualTo("application/problem+json");
            assertThat(again.json().path("rule").asText()).isEqualTo("dead-letter-not-found");
            Api.Reply unknown = api.asAdmin("POST", "/api/admin/dead-letters/nothing/" + gov + "/retry", null);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("rule").asText()).isEqualTo("projection-not-found");

            // a rebuild hands the read model the whole log again
            assertThat(api.asAdmin("POST", "/api/admin/projections/composition/replay", null).status())
                    .isEqualTo(202);
            awaitProjections();
            assertThat(get("/api/govs/" + gov).json().path("version").asLong()).isEqualTo(version + 1);
            assertThat(services(gov)).containsExactly("ATLAS");
        } finally {
            cleanUp(gov);
        }
    }

    private void ship(String gov, String service, int fingerprint) {
        ok(api.put("/api/govs/" + gov + "/services/" + service, "{\"fingerprint\":\"" + fp(fingerprint) + "\"}"));
    }

    private List<String> services(String gov) {
        List<String> services = new ArrayList<>();
        get("/api/govs/" + gov).json().path("draft").path("config").path("services")
                .forEach(service -> services.add(service.path("service").asText()));
        return services.stream().sorted().toList();
    }

    /** The gov's parked events, or null. */
    private JsonNode parkedOf(String gov) {
        for (JsonNode parked : api.asAdmin("GET", "/api/admin/dead-letters", null).json()) {
            if (parked.path("gov").asText().equals(gov)) {
                return parked;
            }
        }
        return null;
    }

    /**
     * Hides the gov's composition row behind the application's back, once the read models have caught up: the
     * composition's next event of this gov then fails. Answers the gov's version before that.
     */
    private long hideComposition(String gov) {
        awaitProjections();
        long version = get("/api/govs/" + gov).json().path("version").asLong();
        assertThat(jdbc.update("update composition set gov = ? where gov = ?", hidden(gov), gov)).isEqualTo(1);
        return version;
    }

    private void restoreComposition(String gov) {
        jdbc.update("update composition set gov = ? where gov = ?", gov, hidden(gov));
    }

    /** Leaves nothing parked and the row back, whatever failed: the suites share this application. */
    private void cleanUp(String gov) {
        restoreComposition(gov);
        if (parkedOf(gov) != null) {
            api.asAdmin("DELETE", "/api/admin/dead-letters/composition/" + gov, null);
        }
    }

    private static String hidden(String gov) {
        return "hidden-" + gov;
    }

    private static void ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
    }
}
