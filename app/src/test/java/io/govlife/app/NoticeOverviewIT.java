package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin sees of notices across every gov, and the redelivery an admin may ask for: the same effect and the
 * same refusals as the gov's operator's.
 */
class NoticeOverviewIT extends NoticeFixtures {

    @Test
    void an_admin_lists_failed_notices_of_every_gov_with_their_last_attempt() {
        JsonNode failed = aFailedNotice("strict-wallet", "/strict");
        String id = failed.path("id").asText();

        List<JsonNode> listed = everyListed("FAILED");
        JsonNode row = listed.stream().filter(n -> id.equals(n.path("id").asText())).findFirst().orElseThrow();
        assertThat(row.path("gov").asText()).isEqualTo(gov);
        assertThat(row.path("integrator").asText()).isEqualTo("strict-wallet");
        assertThat(row.path("targetUrl").asText()).isEqualTo(receiver.url("/strict"));
        assertThat(row.path("kind").asText()).isEqualTo("PUBLICATION");
        assertThat(row.path("citizen").isNull()).isTrue();
        assertThat(row.path("status").asText()).isEqualTo("FAILED");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("lastHttpStatus").asInt()).isEqualTo(400);
        assertThat(row.path("nextAttemptAt").isNull()).as("a failed notice is not retried").isTrue();
        assertThat(Instant.parse(row.path("lastAttemptAt").asText()))
                .isAfterOrEqualTo(Instant.parse(row.path("createdAt").asText()));
        assertThat(row.has("lastError")).isTrue();
        assertThat(listed).allSatisfy(n -> assertThat(n.path("status").asText()).isEqualTo("FAILED"));
        assertThat(listed).extracting(n -> n.path("createdAt").asText() + " " + n.path("id").asText())
                .isSortedAccordingTo((a, b) -> {
                    int byTime = Instant.parse(a.split(" ")[0]).compareTo(Instant.parse(b.split(" ")[0]));
                    return byTime != 0 ? byTime : a.split(" ")[1].compareTo(b.split(" ")[1]);
                });

        JsonNode first = asAdmin("/api/admin/notices?status=FAILED&page=0&size=1");
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(1);
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode byDefault = asAdmin("/api/admin/notices");
        assertThat(byDefault.path("size").asInt()).isEqualTo(50);
        assertThat(byDefault.path("items")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.path("status").asText()).as("FAILED by default").isEqualTo("FAILED"));

        BadInputIT.assertProblem(api.send("GET", "/api/admin/notices", null), 403, "Authorization");
        BadInputIT.assertProblem(api.send("GET", "/api/admin/notices", null, "-X-Operator"), 401, "Authorization");
    }

    @Test
    void an_admin_redelivers_a_failed_notice_with_the_operators_refusals() {
        JsonNode failed = aFailedNotice("strict-wallet", "/strict");
        String redelivery = "/api/admin/notices/" + gov + "/" + failed.path("id").asText() + "/redelivery";

        BadInputIT.assertProblem(api.post(redelivery, null), 403, "Authorization");
        Api.Reply reply = api.asAdmin("POST", redelivery, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("gov").asText()).isEqualTo(gov);
        assertThat(reply.json().path("id").asText()).isEqualTo(failed.path("id").asText());
        assertThat(reply.json().path("status").asText()).isEqualTo("PENDING");

        JsonNode delivered = awaitNotice(n -> "DELIVERED".equals(n.path("status").asText()));
        assertThat(delivered.path("id").asText()).isEqualTo(failed.path("id").asText());
        assertThat(receiver.at("/strict")).hasSize(2);
        assertThat(receiver.at("/strict").get(1).header("webhook-id"))
                .isEqualTo(receiver.at("/strict").get(0).header("webhook-id"));
        assertThat(everyListed("FAILED")).extracting(n -> n.path("id").asText())
                .doesNotContain(failed.path("id").asText());
        JsonNode again = everyListed("DELIVERED").stream()
                .filter(n -> failed.path("id").asText().equals(n.path("id").asText())).findFirst().orElseThrow();
        assertThat(again.path("attempts").asInt()).isEqualTo(2);
        assertThat(again.path("lastHttpStatus").asInt()).isEqualTo(200);

        BadInputIT.assertProblem(api.asAdmin("POST", redelivery, null), 409, "noticeId");
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/admin/notices/" + gov + "/msg_nope/redelivery", null),
                404, "noticeId");
        BadInputIT.assertProblem(api.asAdmin("POST", "/api/admin/notices/" + uniqueGov() + "/"
                + failed.path("id").asText() + "/redelivery", null), 404, "noticeId");
    }

    private JsonNode asAdmin(String path) {
        Api.Reply reply = api.asAdmin("GET", path, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** Every notice of that status, page by page. */
    private List<JsonNode> everyListed(String status) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode listed = asAdmin("/api/admin/notices?status=" + status + "&size=200&page=" + page);
            listed.path("items").forEach(all::add);
            if (listed.path("items").size() < 200) {
                return all;
            }
        }
    }
}
