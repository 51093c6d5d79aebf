package io.govlife.saga.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.events.Name;
import io.govlife.events.gov.IsGovNameClaimed;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
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
@RequestMapping("/api/govs/{gov}/notices")
record NoticeController(JdbcTemplate jdbc, QueryGateway queries, NoticeBook notices, Clock clock,
                        NoticeAuthority authority, AckTokens ackTokens) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Attempt(int attempt, Instant at, Integer httpStatus, long latencyMs, String outcome, String error) {
    }

    record Notice(String id, String integrator, String targetUrl, String kind, String citizen, String status,
                  int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                  Instant acknowledgedAt, JsonNode body, List<Attempt> attemptLog) {
    }

    /** {@code unacknowledged} names integrators, so a citizen's operator gets only their number. */
    record PendingBump(String citizen, Instant cutoverAt, List<String> unacknowledged, int unacknowledgedCount) {
    }

    record Notices(List<Notice> items, int page, int size, long total, List<PendingBump> pendingBumps) {
    }

    /** {@code token} is the {@code ackToken} of the notice's body as delivered: the integrator's proof. */
    record Ack(@NotNull @Pattern(regexp = "^[a-z][a-z0-9.-]{2,63}$") String integrator,
               @Size(max = 200) String token) {
    }

    /**
     * The gov's operators see every notice; a citizen's operator sees the notices about its citizen (its bumps, its
     * inclusion), stripped of the integrators' names and addresses, which stay the gov's: the listing is filtered
     * rather than refused, since reading that much is exactly what the owner granted, while asking by {@code citizen}
     * for another citizen is refused (403 naming the limit), so a filter never passes for an answer.
     */
    @GetMapping
    Notices list(@PathVariable String gov, @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                 @RequestParam(required = false) @Size(max = 64) String citizen, HttpServletRequest request) {
        requireGov(gov);
        NoticeAuthority.Reader reader = authority.reader(gov, request.getUserPrincipal(),
                request.isUserInRole("ADMIN"));
        StringBuilder where = new StringBuilder(" where gov = ?");
        List<Object> args = new ArrayList<>(List.of(gov));
        if (citizen != null) {
            if (!reader.wholeGov() && !reader.citizens().contains(citizen)) {
                throw new RuleViolation(Rule.CITIZEN_OPERATOR_LIMITS, "citizen", "'"
                        + request.getUserPrincipal().getName() + "' operates citizen " + String.join(", ",
                        reader.citizens()) + " of gov '" + gov + "': it may read that citizen's notices only");
            }
            where.append(" and citizen = ?");
            args.add(citizen);
        }
        if (!reader.wholeGov()) {
            where.append(" and kind in (").append(CITIZEN_KINDS).append(") and citizen in (")
                    .append(String.join(", ", java.util.Collections.nCopies(reader.citizens().size(), "?")))
                    .append(")");
            args.addAll(reader.citizens());
        }
        Long total = jdbc.queryForObject("select count(*) from notice" + where, Long.class, args.toArray());
        List<Notice> items = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from notice" + where + " order by created_at, id "
                + "limit " + size + " offset " + ((long) page * size), args.toArray())) {
            Notice notice = notice(row);
            items.add(reader.wholeGov() ? notice : forCitizenOperator(notice));
        }
        List<PendingBump> pending = new ArrayList<>();
        for (PendingBump bump : jdbc.query("select citizen, bump, cutover_at from notice_bump where gov = ? "
                        + "order by cutover_at",
                (rs, i) -> {
                    List<String> unacknowledged = notices.unacknowledged(gov, rs.getString("bump")).stream()
                            .map(integrator -> integrator.integrator().value()).toList();
                    return new PendingBump(rs.getString("citizen"), rs.getTimestamp("cutover_at").toInstant(),
                            unacknowledged, unacknowledged.size());
                }, gov)) {
            if (reader.wholeGov()) {
                if (citizen == null || citizen.equals(bump.citizen())) {
                    pending.add(bump);
                }
            } else if (reader.citizens().contains(bump.citizen()) && (citizen == null
                    || citizen.equals(bump.citizen()))) {
                pending.add(new PendingBump(bump.citizen(), bump.cutoverAt(), null, bump.unacknowledgedCount()));
            }
        }
        return new Notices(items, page, size, total == null ? 0 : total, pending);
    }

    /** The kinds of notice that are about one citizen rather than the gov as a whole. */
    private static final String CITIZEN_KINDS = "'BUMP_SCHEDULED', 'BUMP_REVISED', 'BUMP_REMINDER', 'BUMP_CANCELLED', "
            + "'BUMP_BLOCKED', 'INCLUSION'";

    /** A notice to an integrator loses whom it went to (and errors that could name the address); the rest stays. */
    private static Notice forCitizenOperator(Notice notice) {
        if (notice.integrator() == null) {
            return notice;
        }
        List<Attempt> attempts = notice.attemptLog().stream().map(a -> new Attempt(a.attempt(), a.at(),
                a.httpStatus(), a.latencyMs(), a.outcome(), null)).toList();
        return new Notice(notice.id(), null, null, notice.kind(), notice.citizen(), notice.status(),
                notice.attempts(), notice.createdAt(), notice.nextAttemptAt(), notice.deliveredAt(),
                notice.acknowledgedAt(), notice.body(), attempts);
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
        notices.redeliver(gov, noticeId);
        return Map.of("id", noticeId, "status", "PENDING");
    }

    /**
     * An operator records that a notice listed to notify by hand (an e-mail contact) has been passed on. Done twice is
     * still done; a notice that is not to be notified by hand is not found as one.
     */
    @PostMapping("/{noticeId}/done")
    Map<String, Object> doneByHand(@PathVariable String gov, @PathVariable String noticeId,
                                   HttpServletRequest request) {
        requireGov(gov);
        authority.require(gov, request.getUserPrincipal(), request.isUserInRole("ADMIN"), false);
        jdbc.update("update notice set status = 'DONE_BY_HAND', delivered_at = ? where id = ? and gov = ? "
                + "and status = 'MANUAL'", Timestamp.from(clock.instant()), noticeId, gov);
        Long done = jdbc.queryForObject("select count(*) from notice where id = ? and gov = ? "
                + "and status = 'DONE_BY_HAND'", Long.class, noticeId, gov);
        if (done == null || done == 0) {
            throw new RuleViolation(Rule.NOTICE_NOT_FOUND, "noticeId", "gov '" + gov + "' lists no notice '"
                    + noticeId + "' to notify by hand");
        }
        return Map.of("id", noticeId, "status", "DONE_BY_HAND");
    }

    /** A gov exists once its name is claimed; a name no gov could have is not asked about. */
    private void requireGov(String gov) {
        if (!Name.isValid(gov) || !Boolean.TRUE.equals(queries.query(new IsGovNameClaimed(Name.of(gov)),
                Boolean.class).join())) {
            throw RuleViolation.govNotFound(gov);
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
