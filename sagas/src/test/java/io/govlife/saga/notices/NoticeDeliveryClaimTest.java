package io.govlife.saga.notices;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several nodes (delivery workers) claiming the same due notice at the same instant: exactly one gets it. */
class NoticeDeliveryClaimTest {

    @Test
    void of_many_nodes_claiming_one_notice_exactly_one_wins_until_the_claim_expires() throws Exception {
        JdbcTemplate jdbc = NoticeTables.fresh();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        jdbc.update("insert into notice (id, source, gov, integrator, target_url, kind, body, created_at, status, "
                        + "attempts, next_attempt_at, retry_since) values ('msg_1', 's1', 'gov.one', 'acme', "
                        + "'http://127.0.0.1:1/x', 'PUBLICATION', '{}', ?, 'PENDING', 0, ?, ?)",
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        WebhookPolicy policy = new WebhookPolicy(Duration.ofSeconds(30), Duration.ofHours(72));
        List<NoticeDelivery> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(new NoticeDelivery(jdbc, Clock.systemUTC(), policy,
                    new WebhookTargetPolicy("127.0.0.1", 0), TestKeys.KEYS, null, null,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        List<Future<Boolean>> claims = new ArrayList<>();
        for (NoticeDelivery node : nodes) {
            claims.add(pool.submit((Callable<Boolean>) () -> {
                start.await();
                return node.claim("msg_1", now);
            }));
        }
        start.countDown();
        long won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(nodes.get(0).claim("msg_1", now.plusSeconds(60))).as("claim still held").isFalse();
        assertThat(nodes.get(0).claim("msg_1", now.plus(Duration.ofMinutes(3)))).as("claim expired").isTrue();
    }
}
