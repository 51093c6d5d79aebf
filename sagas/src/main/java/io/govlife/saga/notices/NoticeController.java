package io.govlife.saga.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notices of a gov: what was sent to whom, every delivery attempt, acknowledgements, and per pending bump the
 * integrators that have not acknowledged it yet (those are the ones heading for a ConnectTimeout). They are the
 * gov's operators' own ({@link NoticeAuthority}); an ack is the integrator's, proven by the token its notice carried.
 */
@RestController
@Validated
@RequestMapping("/api/govs/{gov}/notices")
class NoticeController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final NoticeBook notices;
    private final Clock clock;
    private final NoticeAuthority authority;
    private final AckTokens ackTokens;

    NoticeController(JdbcTemplate jdbc, NoticeBook notices, Clock clock, NoticeAuthority authority,
                     AckTokens ackTokens) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.clock = clock;
        this.authority = authority;
        this.ackTokens = ackTokens;
    }

    record Attempt(int attempt, Instant at, Integer httpStatus, long latencyMs, String outcome, String error) {
    }

    record Notice(String id, String integrator, String targetUrl, String kind, String citizen, String status,
                  int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                  Instant acknowledgedAt, JsonNode body, List<Attempt> attemptLog) {
    }

    record PendingBump(String citizen, Instant cutoverAt, List<String> unacknowledged) {
    }

    record Notices(List<Notice> items, int page, int size, long total, List<PendingBump> pendingBumps) {
    }

    /** {@code token} is the {@code ackToken} of the notice's body as delivered: the integrator's proof. */
    record Ack(@NotNull @Pattern(regexp = "^[a-z][a-z0-9.-]{2,63}$") String integrator,
               @Size(max = 200) String token) {
    }

    @GetMapping
    Notices list(@PathVariable String gov, @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, HttpServletRequest request) {
        requireGov(gov);
        authority.require(gov, request.getUserPrincipal(), request.isUserInRole("ADMIN"), true);
        Long total = jdbc.queryForObject("select count(*) from notice where gov = ?", Long.class, gov);
        List<Notice> items = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from notice where gov = ? order by created_at, id "
                + "limit " + size + " offset " + ((long) page * size), gov)) {
            items.add(notice(row));
        }
        List<PendingBump> pending = jdbc.query("select citizen, bump, cutover_at from notice_bump where gov = ? "
                        + "order by cutover_at",
                (rs, i) -> new PendingBump(rs.getString("citizen"), rs.getTimestamp("cutover_at").toInstant(),
                        notices.unacknowledged(gov, rs.getString("bump")).stream()
                                .map(r -> (String) r.get("INTEGRATOR")).toList()), gov);
        return new Notices(items, page, size, total == null ? 0 : total, pending);
    }

    @PostMapping("/{noticeId}/acks")
    Map<String, Object> acknowledge(@PathVariable String gov, @PathVariable String noticeId,
                                    @Valid @RequestBody Ack ack) {
        requireGov(gov);
        // checked before the notice is looked up, so a wrong token tells nothing of which notices exist
        if (!ackTokens.accepts(gov, noticeId, ack.integrator(), ack.token())) {
            throw new RuleViolation(Rule.ACK_TOKEN_INVALID, "token", ack.token() == null || ack.token().isEmpty()
                    ? "an ack needs the ackToken the notice carried to this integrator"
                    : "this is not the ackToken gov '" + gov + "' sent integrator '" + ack.integrator()
                    + "' with notice '" + noticeId + "'");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update notice set acknowledged_at = coalesce(acknowledged_at, ?) where id = ? "
                + "and gov = ? and integrator = ?", now, noticeId, gov, ack.integrator());
        if (updated == 0) {
            throw new RuleViolation(Rule.NOTICE_NOT_FOUND, "noticeId",
                    "gov '" + gov + "' sent no notice '" + noticeId + "' to integrator '" + ack.integrator() + "'");
        }
        return Map.of("id", noticeId, "integrator", ack.integrator(), "acknowledged", true);
    }

    /** An operator asks for a failed notice to be delivered again, with a fresh retry window. */
    @PostMapping("/{noticeId}/redelivery")
    Map<String, Object> redeliver(@PathVariable String gov, @PathVariable String noticeId,
                                  HttpServletRequest request) {
        requireGov(gov);
        authority.require(gov, request.getUserPrincipal(), request.isUserInRole("ADMIN"), false);
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
        return Map.of("id", noticeId, "status", "PENDING");
    }

    private void requireGov(String gov) {
        Long known = jdbc.queryForObject("select count(*) from gov_name_claim where name = ?", Long.class, gov);
        if (known == null || known == 0) {
            throw new RuleViolation(Rule.GOV_NOT_FOUND, "gov", "no gov named '" + gov + "'");
        }
    }

    private Notice notice(Map<String, Object> row) {
        String id = (String) row.get("ID");
        List<Attempt> attempts = jdbc.query("select * from notice_attempt where notice_id = ? order by attempt",
                (rs, i) -> new Attempt(rs.getInt("attempt"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getLong("latency_ms"),
                        rs.getString("outcome"), rs.getString("error")), id);
        try {
            return new Notice(id, (String) row.get("INTEGRATOR"), (String) row.get("TARGET_URL"),
                    (String) row.get("KIND"), (String) row.get("CITIZEN"), (String) row.get("STATUS"),
                    ((Number) row.get("ATTEMPTS")).intValue(), Rows.instant(row.get("CREATED_AT")),
                    Rows.instant(row.get("NEXT_ATTEMPT_AT")), Rows.instant(row.get("DELIVERED_AT")),
                    Rows.instant(row.get("ACKNOWLEDGED_AT")), JSON.readTree((String) row.get("BODY")), attempts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable notice body", e);
        }
    }
}
