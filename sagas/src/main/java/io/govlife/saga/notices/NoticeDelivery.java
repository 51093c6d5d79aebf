package io.govlife.saga.notices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govlife.events.Name;
import io.govlife.events.integrator.DisableIntegratorEndpoint;
import io.govlife.events.integrator.FindSealedSigningSecrets;
import io.govlife.events.integrator.SealedSigningSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers due notices, at least once. A node claims a notice with one conditional update before sending it, so
 * two nodes never make the same attempt; a claim left by a crashed node expires and the notice is tried again.
 * Every attempt is recorded with its status and latency.
 */
@Component
public class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 50;
    private static final int MAX_BATCHES_PER_POLL = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final NoticeTracing tracing;
    private final Clock clock;
    private final WebhookPolicy policy;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final String node = "node-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService senders = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "notice-sender");
        thread.setDaemon(true);
        return thread;
    });

    private final MeterRegistry meters;
    private final WebhookTargetPolicy targets;
    private final NoticeKeys keys;
    private final AckTokens ackTokens;
    private final NoticeSigningKey signingKey;

    public NoticeDelivery(JdbcTemplate jdbc, Clock clock, WebhookPolicy policy, WebhookTargetPolicy targets,
                          NoticeKeys keys, CommandGateway commands, QueryGateway queries, MeterRegistry meters) {
        this(jdbc, clock, policy, targets, keys, commands, queries, meters, NoticeTracing.none());
    }

    @Autowired
    NoticeDelivery(JdbcTemplate jdbc, Clock clock, WebhookPolicy policy, WebhookTargetPolicy targets,
                   NoticeKeys keys, CommandGateway commands, QueryGateway queries, MeterRegistry meters,
                   NoticeTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.signingKey = new NoticeSigningKey(keys);
        this.clock = clock;
        this.policy = policy;
        this.targets = targets;
        this.keys = keys;
        this.ackTokens = new AckTokens(keys);
        this.commands = commands;
        this.queries = queries;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${govlife.webhooks.poll-interval:PT0.5S}")
    public void deliverDue() {
        // a full batch means more are due: a publication to a thousand integrators should not wait a poll per fifty
        // (bounded, so a fault of ours that keeps releasing claims cannot spin here)
        for (int batch = 0; batch < MAX_BATCHES_PER_POLL && !senders.isShutdown(); batch++) {
            if (deliverBatch() < BATCH) {
                return;
            }
        }
    }

    /** Claims and sends up to one batch of due notices; answers how many were due. */
    private int deliverBatch() {
        Instant now = clock.instant();
        List<String> due = jdbc.queryForList("select id from notice where status = 'PENDING' and next_attempt_at <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by next_attempt_at limit " + BATCH,
                String.class, Timestamp.from(now), Timestamp.from(now));
        List<Future<?>> sending = new ArrayList<>();
        for (String id : due) {
            if (claim(id, now)) {
                sending.add(senders.submit(() -> deliverOrRelease(id)));
            }
        }
        for (Future<?> send : sending) {
            try {
                send.get();
            } catch (Exception e) {
                log.warn("Notice delivery failed unexpectedly", e);
            }
        }
        return due.size();
    }

    /**
     * On shutdown, sends already started finish and are recorded, so a graceful stop neither loses an attempt's
     * outcome nor makes a receiver see the same notice again; nothing new is claimed.
     */
    @jakarta.annotation.PreDestroy
    void finishInFlight() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS)) {
            log.warn("Notice sends still running at shutdown; their claims expire and they are tried again");
        }
    }

    /** One conditional update: of any number of nodes claiming the same due notice, exactly one wins. */
    boolean claim(String id, Instant now) {
        return jdbc.update("update notice set claimed_by = ?, claimed_until = ? where id = ? and status = 'PENDING' "
                        + "and (claimed_until is null or claimed_until < ?)",
                node, Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now)) == 1;
    }

    /** A failure of ours, not the receiver's, must not leave the notice claimed until the claim expires. */
    private void deliverOrRelease(String id) {
        try {
            deliver(id);
        } catch (RuntimeException failure) {
            log.error("Could not deliver notice {}; releasing it for another try", id, failure);
            jdbc.update("update notice set claimed_by = null, claimed_until = null where id = ? and claimed_by = ?",
                    id, node);
        }
    }

    private void deliver(String id) {
        Map<String, Object> notice = jdbc.queryForMap("select * from notice where id = ?", id);
        String gov = (String) notice.get("GOV");
        String integrator = (String) notice.get("INTEGRATOR");
        int attempt = ((Number) notice.get("ATTEMPTS")).intValue() + 1;
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();

        URI target;
        try {
            target = targets.require((String) notice.get("TARGET_URL"));
        } catch (WebhookTargetPolicy.Refused refused) {
            failedBeforeSending(id, notice, attempt, started, "target refused: " + refused.getMessage());
            return;
        }
        String body = (String) notice.get("BODY");
        List<String> secrets = List.of();
        if (integrator != null) {
            List<String> sealed = queries.query(new FindSealedSigningSecrets(Name.of(gov),
                    Name.of(integrator), started), SealedSigningSecrets.class).join().newestFirst();
            if (sealed.isEmpty()) {
                finish(id, attempt, started, null, "FAILED", "integrator has no valid secret (unregistered)", null);
                return;
            }
            try {
                secrets = sealed.stream().map(secret -> keys.openSigningSecret(secret, gov, integrator)).toList();
            } catch (IllegalStateException unreadable) {
                failedBeforeSending(id, notice, attempt, started, unreadable.getMessage());
                return;
            }
            body = withAckToken(body, ackTokens.issue(gov, id, integrator));
        }

        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "govlife-notices")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!secrets.isEmpty()) {
            request.header("webhook-signature", WebhookSigner.signatures(secrets, id, timestamp, body));
        } else {
            // no shared secret with this addressee (a citizen's operator): signed with the public notice key
            request.header("webhook-signature", signingKey.sign(id, timestamp, body));
        }

        Integer status = null;
        String error = null;
        Duration retryAfter = null;
        Span span = tracing.attempt((String) notice.get("TRACEPARENT"), id);
        String traceparent = NoticeTracing.traceparent(span.getSpanContext());
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        try (Scope ignored = span.makeCurrent()) {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            span.setAttribute("http.response.status_code", status);
            if (status == 429 || status == 503) {
                retryAfter = response.headers().firstValue("Retry-After")
                        .flatMap(value -> RetryAfter.parse(value, clock.instant())).orElse(null);
            }
        } catch (IOException | IllegalArgumentException e) {
            // the receiver's failure (or a URI the client will not send to), recorded on the attempt, not logged
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            span.setStatus(StatusCode.ERROR, error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } finally {
            span.end();
        }

        String outcome;
        Instant next = null;
        if (status != null && status >= 200 && status < 300) {
            outcome = "DELIVERED";
        } else if (status == null || status == 408 || status == 429 || status >= 500) {
            next = policy.nextAttempt(attempt, Rows.instant(notice.get("RETRY_SINCE")), clock.instant(), retryAfter);
            outcome = next == null ? "FAILED" : "RETRY";
        } else {
            outcome = status == 410 ? "GONE" : "FAILED";
        }
        finish(id, attempt, started, status, outcome, error, next);
        if (status != null && status == 410 && integrator != null) {
            commands.send(new DisableIntegratorEndpoint(Name.of(gov), Name.of(integrator), 410));
        }
    }

    /**
     * An attempt that could not even be made (a refused or unresolvable target, a secret no key opens) fails like
     * any other: recorded with its reason and retried on the same backoff, since DNS and configuration change.
     */
    private void failedBeforeSending(String id, Map<String, Object> notice, int attempt, Instant started,
                                     String reason) {
        log.debug("Notice {} not sent: {}", id, reason);
        Instant next = policy.nextAttempt(attempt, Rows.instant(notice.get("RETRY_SINCE")), clock.instant());
        finish(id, attempt, started, null, next == null ? "FAILED" : "RETRY", reason, next);
    }

    /** The integrator's ack token joins the body that is signed, so it reaches the integrator and no one else. */
    private static String withAckToken(String body, String token) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(body);
            json.put("ackToken", token);
            return JSON.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("notice body is not a JSON object", e);
        }
    }

    private void finish(String id, int attempt, Instant started, Integer status, String outcome, String error,
                        Instant next) {
        Instant now = clock.instant();
        meters.counter("govlife.notices", "outcome", outcome.toLowerCase()).increment();
        String noticeStatus = switch (outcome) {
            case "DELIVERED" -> "DELIVERED";
            case "RETRY" -> "PENDING";
            default -> "FAILED";
        };
        jdbc.update("insert into notice_attempt (notice_id, attempt, attempted_at, http_status, latency_ms, outcome, "
                        + "error) values (?, ?, ?, ?, ?, ?, ?)", id, attempt, Timestamp.from(started), status,
                Duration.between(started, now).toMillis(), outcome, error == null ? null : truncate(error));
        jdbc.update("update notice set status = ?, attempts = ?, next_attempt_at = ?, claimed_by = null, "
                        + "claimed_until = null, delivered_at = ? where id = ?", noticeStatus, attempt,
                next == null ? null : Timestamp.from(next), "DELIVERED".equals(outcome) ? Timestamp.from(now) : null, id);
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
