package io.govlife.saga.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.Name;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.integrator.FindEnabledIntegratorEndpoints;
import io.govlife.events.integrator.IntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpoints;
import org.axonframework.queryhandling.QueryGateway;
import io.govlife.saga.SagaProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes notices to be delivered: one per addressee, each with a stable id (the {@code webhook-id} reused on every
 * retry) and a source key that makes writing the same notice twice a no-op. Called inside the transaction of the
 * event processor or saga that decides the notice, so notices are neither lost nor duplicated.
 * <p>
 * Integrators' endpoints are the command side's: asked for by query ({@link FindEnabledIntegratorEndpoints}), which
 * on the local query bus is answered in this thread and transaction (through Axon Server, in the handler's own); what
 * they were told or acknowledged is read from the notices here and matched in Java.
 */
@Component
class NoticeBook implements BumpNotices {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final Clock clock;
    private final String publicUrl;

    @Autowired
    NoticeBook(JdbcTemplate jdbc, QueryGateway queries, Clock clock, SagaProperties settings) {
        this(jdbc, queries, clock, settings.publicUrl());
    }

    NoticeBook(JdbcTemplate jdbc, QueryGateway queries, Clock clock, String publicUrl) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** One notice to every integrator of the gov whose endpoint is enabled. */
    @Override
    public void notifyIntegrators(String source, NoticeContent content, String bump) {
        for (IntegratorEndpoint integrator : enabledEndpoints(content.gov())) {
            notifyIntegrator(source, content, integrator, bump);
        }
    }

    /** One notice to every integrator of the gov, enabled, that was sent a notice of this bump. */
    @Override
    public void notifyToldOf(String source, NoticeContent content, String bump) {
        Set<String> told = integratorsNoticed(content.gov(), bump, false);
        if (told.isEmpty()) {
            return;
        }
        for (IntegratorEndpoint integrator : enabledEndpoints(content.gov())) {
            if (told.contains(integrator.integrator().value())) {
                notifyIntegrator(source, content, integrator, bump);
            }
        }
    }

    /** A reminder of the bump to each integrator that has acknowledged none of its notices. */
    @Override
    public void remindUnacknowledged(String source, NoticeContent content, String bump) {
        for (IntegratorEndpoint integrator : unacknowledged(content.gov(), bump)) {
            notifyIntegrator(source, content, integrator, bump);
        }
    }

    /** Integrators of the gov, enabled, that acknowledged no notice of this bump; ordered by name. */
    public List<IntegratorEndpoint> unacknowledged(String gov, String bump) {
        return unacknowledged(gov, integratorsNoticed(gov, bump, true));
    }

    /** The same, for a caller that already read who acknowledged the bump. */
    List<IntegratorEndpoint> unacknowledged(String gov, Set<String> acknowledged) {
        return enabledEndpoints(gov).stream()
                .filter(integrator -> !acknowledged.contains(integrator.integrator().value()))
                .toList();
    }

    /** The gov's integrators whose endpoint is enabled, ordered by name, as the integrator directory holds them. */
    private List<IntegratorEndpoint> enabledEndpoints(String gov) {
        return queries.query(new FindEnabledIntegratorEndpoints(Name.of(gov)), IntegratorEndpoints.class).join()
                .endpoints();
    }

    /** The integrators sent a notice of the bump (or only those that acknowledged one). */
    Set<String> integratorsNoticed(String gov, String bump, boolean acknowledgedOnly) {
        return new HashSet<>(jdbc.queryForList("select distinct integrator from notice where gov = ? and bump = ? "
                        + "and integrator is not null" + (acknowledgedOnly ? " and acknowledged_at is not null" : ""),
                String.class, gov, bump));
    }

    private void notifyIntegrator(String source, NoticeContent content, IntegratorEndpoint integrator, String bump) {
        String name = integrator.integrator().value();
        write(source + "/" + name, content, name, integrator.webhookUrl(), bump, "PENDING");
    }

    /** A notice to someone who is not a registered integrator (a citizen's operator). */
    public void notifyAddress(String source, NoticeContent content, String targetUrl) {
        write(source, content, null, targetUrl, null, "PENDING");
    }

    /**
     * A notice the service cannot send (an e-mail address, a contact that is no URL): listed on the gov's notices as
     * {@code MANUAL}, with the address, for an operator to pass on by hand; delivery never picks it up.
     */
    public void listForManualNotice(String source, NoticeContent content, String address) {
        write(source, content, null, address, null, "MANUAL");
    }

    /**
     * A failed notice goes back to delivery, due now and with a fresh retry window; it keeps its id, body and attempt
     * log, so the integrator gets the same signed notice again.
     *
     * @throws RuleViolation {@code notice-not-found}, or {@code notice-not-failed} for one pending or delivered
     */
    void redeliver(String gov, String noticeId) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update notice set status = 'PENDING', next_attempt_at = ?, retry_since = ? "
                + "where id = ? and gov = ? and status = 'FAILED'", now, now, noticeId, gov);
        if (updated == 0) {
            Long exists = jdbc.queryForObject("select count(*) from notice where id = ? and gov = ?", Long.class,
                    noticeId, gov);
            if (exists == null || exists == 0) {
                throw new RuleViolation(Rule.NOTICE_NOT_FOUND, "noticeId", "gov '" + gov + "' has no notice '"
                        + noticeId + "'");
            }
            throw new RuleViolation(Rule.NOTICE_NOT_FAILED, "noticeId",
                    "only a failed notice can be redelivered; this one is pending or delivered");
        }
    }

    @Override
    public void bumpPending(String gov, String citizen, String bump, Instant cutoverAt) {
        jdbc.update("delete from notice_bump where gov = ? and citizen = ?", gov, citizen);
        jdbc.update("insert into notice_bump (gov, citizen, bump, cutover_at) values (?, ?, ?, ?)",
                gov, citizen, bump, Timestamp.from(cutoverAt));
    }

    @Override
    public void bumpEnded(String gov, String citizen) {
        jdbc.update("delete from notice_bump where gov = ? and citizen = ?", gov, citizen);
    }

    private void write(String source, NoticeContent content, String integrator, String targetUrl, String bump,
                       String status) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = clock.instant();
        Timestamp firstAttempt = "PENDING".equals(status) ? Timestamp.from(now) : null;
        // insert-if-absent that neither fails nor aborts the transaction on PostgreSQL when the source exists
        jdbc.update("insert into notice (id, source, gov, integrator, target_url, kind, citizen, bump, body, "
                        + "created_at, status, attempts, next_attempt_at, retry_since, traceparent) select ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ? from (values (1)) as one(x) where not exists "
                        + "(select 1 from notice where source = ?)",
                id, source, content.gov(), integrator, targetUrl, content.kind().name(), content.citizen(), bump,
                body(id, content, now), Timestamp.from(now), status, firstAttempt, Timestamp.from(now),
                NoticeTracing.current(), source);
    }

    private String body(String id, NoticeContent content, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", "gov." + content.kind().name().toLowerCase());
        body.put("gov", content.gov());
        body.put("kind", content.kind().name());
        body.put("citizen", content.citizen());
        body.put("oldGovFingerprint", content.oldGovFingerprint());
        body.put("newGovFingerprint", content.newGovFingerprint());
        body.put("cutoverAt", content.cutoverAt());
        body.put("revision", content.revision());
        if (content.citizenFingerprint() != null) {
            body.put("citizenFingerprint", content.citizenFingerprint());
        }
        if (content.awaiting() != null) {
            body.put("awaiting", content.awaiting());
        }
        NoticeContent.Publication publication = content.publication();
        if (publication != null) {
            body.put("metadataOnly", publication.metadataOnly());
            body.put("recompile", !publication.metadataOnly());
            body.put("docs", publication.docs());
        }
        NoticeContent.Urgency urgency = content.urgency();
        if (urgency != null) {
            body.put("urgent", urgency.urgent());
            body.put("shortNotice", urgency.shortNotice());
            body.put("catchUp", urgency.catchUp());
            if (urgency.catchUp()) {
                body.put("lateBy", urgency.lateBy().toString());
            }
        }
        body.put("changelog", publicUrl + "/api/govs/" + content.gov() + "/changelog");
        body.put("feed", publicUrl + "/api/govs/" + content.gov() + "/feed");
        body.put("handshake", publicUrl + "/govs/" + content.gov());
        body.put("createdAt", now);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
