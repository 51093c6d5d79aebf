package io.govlife.saga.notices;

import io.govlife.events.InvalidInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Notices across every gov, for whoever runs the service: which integrators' webhooks are failing, wherever they are
 * registered, without asking gov by gov. Admin tokens only ({@code /api/admin/**}).
 */
@RestController
@RequestMapping("/api/admin/notices")
record NoticeOverviewController(JdbcTemplate jdbc, NoticeBook notices) {

    /** Every status a notice row takes: written by {@link NoticeBook}, moved by {@link NoticeDelivery} and operators. */
    static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED", "MANUAL", "DONE_BY_HAND");

    /** A notice with its last attempt, which says why a failed one failed. */
    record Notice(String gov, String id, String integrator, String targetUrl, String kind, String citizen,
                  String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                  Integer lastHttpStatus, String lastError) {
    }

    record Notices(List<Notice> items, int page, int size, long total) {
    }

    @GetMapping
    Notices list(@RequestParam(defaultValue = "FAILED") String status,
                 @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (!STATUSES.contains(status)) {
            throw new InvalidInput("status", "must be one of " + STATUSES);
        }
        Long total = jdbc.queryForObject("select count(*) from notice where status = ?", Long.class, status);
        // a notice's attempts count its attempt rows, so the last one is the row numbered as many
        List<Notice> items = jdbc.query("select n.gov, n.id, n.integrator, n.target_url, n.kind, n.citizen, n.status, "
                        + "n.attempts, n.created_at, n.next_attempt_at, a.attempted_at, a.http_status, a.error "
                        + "from notice n left join notice_attempt a on a.notice_id = n.id and a.attempt = n.attempts "
                        + "where n.status = ? order by n.created_at, n.id limit " + size + " offset "
                        + ((long) page * size),
                (rs, i) -> new Notice(rs.getString("gov"), rs.getString("id"), rs.getString("integrator"),
                        rs.getString("target_url"), rs.getString("kind"), rs.getString("citizen"),
                        rs.getString("status"), rs.getInt("attempts"), Rows.instant(rs.getObject("created_at")),
                        Rows.instant(rs.getObject("next_attempt_at")), Rows.instant(rs.getObject("attempted_at")),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getString("error")),
                status);
        return new Notices(items, page, size, total == null ? 0 : total);
    }

    record Redelivery(String gov, String id, String status) {
    }

    /**
     * Redelivery sends the same signed notice again and changes nothing the gov says, like retrying a dead letter:
     * an operational act on the service, so an admin may do it for any gov, while admins still write no gov. The
     * refusals are the operators' ({@link NoticeBook#redeliver}).
     */
    @PostMapping("/{gov}/{noticeId}/redelivery")
    Redelivery redeliver(@PathVariable String gov, @PathVariable String noticeId) {
        notices.redeliver(gov, noticeId);
        return new Redelivery(gov, noticeId, "PENDING");
    }
}
