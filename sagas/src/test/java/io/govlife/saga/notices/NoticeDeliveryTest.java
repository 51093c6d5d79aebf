package io.govlife.saga.notices;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.govlife.events.Name;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice whose target cannot even be tried fails like any other attempt: recorded with its reason, retried on the
 * policy's backoff, failed once the policy gives up, and never a stack trace in the log.
 */
class NoticeDeliveryTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private JdbcTemplate jdbc;
    private final MovingClock clock = new MovingClock(START);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final IntegratorDirectoryAnswers directory = new IntegratorDirectoryAnswers();
    private NoticeDelivery delivery;

    @BeforeEach
    void database() {
        jdbc = NoticeTables.fresh();
        WebhookTargetPolicy targets = new WebhookTargetPolicy("", 8080, host -> {
            if (host.equals("gone.example.org")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(host.equals("inward.example.org") ? "10.0.0.5" : host)};
        });
        // first retry after about 30 s; give up once a minute has passed
        delivery = new NoticeDelivery(jdbc, clock, new WebhookPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1)),
                targets, TestKeys.KEYS, null, directory.queries(), new SimpleMeterRegistry());
        log.start();
        ((Logger) LoggerFactory.getLogger(NoticeDelivery.class)).addAppender(log);
    }

    @AfterEach
    void stop() throws InterruptedException {
        ((Logger) LoggerFactory.getLogger(NoticeDelivery.class)).detachAppender(log);
        delivery.finishInFlight();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://127.0.0.1:99999/x, port 99999",
            "http://127.0.0.1:0/x, port 0",
            "http://bad_host.example.org/x, valid host",
            "http://gone.example.org/x, does not resolve",
            "http://inward.example.org/x, private",
            "http://[::ffff:127.0.0.1]:9/x, loopback",
    })
    void a_target_that_cannot_be_tried_is_retried_on_the_backoff_then_failed(String url, String reason) {
        jdbc.update("insert into notice (id, source, gov, integrator, target_url, kind, body, created_at, status, "
                        + "attempts, next_attempt_at, retry_since) values ('msg_1', 's1', 'gov.one', null, ?, "
                        + "'INCLUSION', '{}', ?, 'PENDING', 0, ?, ?)",
                url, Timestamp.from(START), Timestamp.from(START), Timestamp.from(START));

        delivery.deliverDue();
        Map<String, Object> first = notice();
        assertThat(first.get("STATUS")).isEqualTo("PENDING");
        assertThat(first.get("ATTEMPTS")).isEqualTo(1);
        Instant next = Rows.instant(first.get("NEXT_ATTEMPT_AT"));
        assertThat(next).isBetween(START.plusSeconds(24), START.plusSeconds(36));

        clock.now = next;
        delivery.deliverDue();
        assertThat(notice().get("STATUS")).isEqualTo("FAILED");

        List<Map<String, Object>> attempts = jdbc.queryForList(
                "select outcome, http_status, error from notice_attempt where notice_id = 'msg_1' order by attempt");
        assertThat(attempts).extracting(a -> a.get("OUTCOME")).containsExactly("RETRY", "FAILED");
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("HTTP_STATUS")).isNull();
            assertThat((String) a.get("ERROR")).contains(reason);
        });
        assertThat(log.list).noneMatch(event -> event.getThrowableProxy() != null);
        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void an_integrator_s_notice_is_signed_with_every_secret_the_directory_holds_at_the_attempt_or_fails_with_none()
            throws Exception {
        String current = secret(1);
        String rotatedOut = secret(2);
        directory.secrets("gov.one", "acme-wallet", List.of("sealed:" + current, "sealed:" + rotatedOut));
        List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/h", exchange -> {
            headers.add(exchange.getRequestHeaders());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        NoticeDelivery toLoopback = new NoticeDelivery(jdbc, clock, new WebhookPolicy(Duration.ofSeconds(30),
                Duration.ofMinutes(1)), new WebhookTargetPolicy("127.0.0.1", 0), TestKeys.KEYS, null,
                directory.queries(), new SimpleMeterRegistry());
        try {
            String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/h";
            for (String[] notice : new String[][] {{"msg_1", "acme-wallet"}, {"msg_2", "gone-wallet"}}) {
                jdbc.update("insert into notice (id, source, gov, integrator, target_url, kind, body, created_at, "
                                + "status, attempts, next_attempt_at, retry_since) values (?, ?, 'gov.one', ?, ?, "
                                + "'PUBLICATION', '{\"kind\":\"PUBLICATION\"}', ?, 'PENDING', 0, ?, ?)",
                        notice[0], "s-" + notice[0], notice[1], target, Timestamp.from(START), Timestamp.from(START),
                        Timestamp.from(START));
            }

            toLoopback.deliverDue();
        } finally {
            toLoopback.finishInFlight();
            receiver.stop(0);
        }

        assertThat(directory.secretsAsked).containsExactlyInAnyOrder(
                new FindSealedSigningSecrets(Name.of("gov.one"), Name.of("acme-wallet"), START),
                new FindSealedSigningSecrets(Name.of("gov.one"), Name.of("gone-wallet"), START));
        assertThat(bodies).hasSize(1);
        assertThat(headers.get(0).getFirst("webhook-id")).isEqualTo("msg_1");
        assertThat(headers.get(0).getFirst("webhook-signature")).as("current secret first, then the rotated-out one")
                .isEqualTo(WebhookSigner.signatures(List.of(current, rotatedOut), "msg_1", START.getEpochSecond(),
                        bodies.get(0)));
        assertThat(jdbc.queryForObject("select status from notice where id = 'msg_1'", String.class))
                .isEqualTo("DELIVERED");
        assertThat(jdbc.queryForMap("select n.status, a.error from notice n join notice_attempt a "
                + "on a.notice_id = n.id where n.id = 'msg_2'"))
                .containsEntry("STATUS", "FAILED")
                .containsEntry("ERROR", "integrator has no valid secret (unregistered)");
    }

    private static String secret(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private Map<String, Object> notice() {
        return jdbc.queryForMap("select * from notice where id = 'msg_1'");
    }

    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
