package io.govlife.saga.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes notices to be delivered: one per addressee, each with a stable id (the {@code webhook-id} reused on every
 * retry) and a source key that makes writing the same notice twice a no-op. Called inside the transaction of the
 * event processor or saga that decides the notice, so notices are neither lost nor duplicated.
 */
@Component
public class NoticeBook implements BumpNotices {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String publicUrl;

    public NoticeBook(JdbcTemplate jdbc, Clock clock, @Value("${govlife.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** One notice to every integrator of the gov whose endpoint is enabled. */
    @Override
    public void notifyIntegrators(String source, NoticeContent content, String bump) {
        List<Map<String, Object>> integrators = jdbc.queryForList("select integrator, webhook_url from "
                + "integrator_endpoint where gov = ? and disabled = false order by integrator", content.gov());
        for (Map<String, Object> integrator : integrators) {
            String name = (String) integrator.get("integrator");
            write(source + "/" + name, content, name, (String) integrator.get("webhook_url"), bump, "PENDING");
        }
    }

    @Override
    public void notifyToldOf(String source, NoticeContent content, String bump) {
        List<Map<String, Object>> integrators = jdbc.queryForList("select i.integrator, i.webhook_url from "
                + "integrator_endpoint i where i.gov = ? and i.disabled = false and exists (select 1 from notice n "
                + "where n.gov = i.gov and n.integrator = i.integrator and n.bump = ?) order by i.integrator",
                content.gov(), bump);
        for (Map<String, Object> integrator : integrators) {
            String name = (String) integrator.get("integrator");
            write(source + "/" + name, content, name, (String) integrator.get("webhook_url"), bump, "PENDING");
        }
    }

    /** A reminder of the bump to each integrator that has acknowledged none of its notices. */
    @Override
    public void remindUnacknowledged(String source, NoticeContent content, String bump) {
        for (Map<String, Object> integrator : unacknowledged(content.gov(), bump)) {
            String name = (String) integrator.get("integrator");
            write(source + "/" + name, content, name, (String) integrator.get("webhook_url"), bump, "PENDING");
        }
    }

    /** Integrators of the gov, enabled, that acknowledged no notice of this bump. */
    public List<Map<String, Object>> unacknowledged(String gov, String bump) {
        return jdbc.queryForList("select i.integrator, i.webhook_url from integrator_endpoint i where i.gov = ? "
                + "and i.disabled = false and not exists (select 1 from notice n where n.gov = i.gov "
                + "and n.integrator = i.integrator and n.bump = ? and n.acknowledged_at is not null) "
                + "order by i.integrator", gov, bump);
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
                        + "created_at, status, attempts, next_attempt_at, retry_since) select ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, 0, ?, ? from (values (1)) as one(x) where not exists "
                        + "(select 1 from notice where source = ?)",
                id, source, content.gov(), integrator, targetUrl, content.kind().name(), content.citizen(), bump,
                body(id, content, now), Timestamp.from(now), status, firstAttempt, Timestamp.from(now), source);
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
