package io.govlife.saga.notices;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private NoticeDelivery delivery;

    @BeforeEach
    void database() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .placeholders(Map.of("binary", "blob", "document", "clob")).load().migrate();
        jdbc = new JdbcTemplate(db);
        WebhookTargetPolicy targets = new WebhookTargetPolicy("", 8080, host -> {
            if (host.equals("gone.example.org")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(host.equals("inward.example.org") ? "10.0.0.5" : host)};
        });
        // first retry after about 30 s; give up once a minute has passed
        delivery = new NoticeDelivery(jdbc, clock, new WebhookPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1)),
                targets, TestKeys.KEYS, null, new SimpleMeterRegistry());
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
