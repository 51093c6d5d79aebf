package io.govlife.query.audit;

import io.govlife.events.InvalidInput;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.support.Instants;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/govs/{gov}/history}: the audit trail, oldest first, paged and filtered. */
@RestController
class AuditController {

    private final JdbcTemplate jdbc;
    private final CompositionRepository govs;

    AuditController(JdbcTemplate jdbc, CompositionRepository govs) {
        this.jdbc = jdbc;
        this.govs = govs;
    }

    @GetMapping("/api/govs/{gov}/history")
    Page<AuditEntry> history(@PathVariable String gov,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String citizen,
                             @RequestParam(required = false) Instant from,
                             @RequestParam(required = false) Instant to,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        Instants.requireSane("from", from);
        Instants.requireSane("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from", "must not be after 'to'");
        }
        govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        StringBuilder where = new StringBuilder(" where gov = ?");
        List<Object> args = new ArrayList<>(List.of(gov));
        if (type != null) {
            where.append(" and event_type = ?");
            args.add(type);
        }
        if (citizen != null) {
            where.append(" and citizen = ?");
            args.add(citizen);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(to));
        }
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<AuditEntry> items = jdbc.query("select * from audit_entry" + where + " order by sequence_number limit "
                        + paging.size() + " offset " + paging.offset(),
                (rs, i) -> new AuditEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("operator"), rs.getString("reason"),
                        rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("citizen"),
                        rs.getString("summary"), readTree(rs.getString("payload"))),
                args.toArray());
        return new Page<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JsonColumns.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit payload", e);
        }
    }
}
