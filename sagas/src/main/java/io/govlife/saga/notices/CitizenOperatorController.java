package io.govlife.saga.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The citizens the caller was named operator of, in every gov ({@link NoticeAuthority} keeps who operates what), each
 * with how far integrators have taken in its pending bump: a citizen's operator sees whether its cutover risks a
 * ConnectTimeout without asking gov by gov. Integrators are counted, never named: they are the gov's, not the
 * citizen's. Operator and citizen-operator tokens; an admin token operates nothing and is refused by the security
 * rules (403).
 */
@RestController
record CitizenOperatorController(JdbcTemplate jdbc, NoticeBook notices) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code notified}: integrators sent a notice of the bump; {@code acknowledged}: those that acknowledged one;
     * {@code fingerprint}: what the citizen moves to, as its latest notice said (absent before any integrator was
     * told, since the notices are where this module keeps it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PendingBump(Instant cutoverAt, String fingerprint, int notified, int acknowledged, int unacknowledged) {
    }

    /** {@code pendingBump} is null when the citizen has none. */
    record Citizen(String gov, String citizen, PendingBump pendingBump) {
    }

    record Operated(String operator, List<Citizen> citizens) {
    }

    @GetMapping("/api/me/citizens")
    Operated citizens(Principal caller) {
        String operator = caller.getName();
        List<Citizen> citizens = jdbc.query("select o.gov, o.citizen, b.bump, b.cutover_at "
                        + "from notice_citizen_operator o left join notice_bump b "
                        + "on b.gov = o.gov and b.citizen = o.citizen where o.operator = ? order by o.gov, o.citizen",
                (rs, i) -> {
                    String gov = rs.getString("gov");
                    String bump = rs.getString("bump");
                    return new Citizen(gov, rs.getString("citizen"), bump == null ? null
                            : pendingBump(gov, bump, Rows.instant(rs.getObject("cutover_at"))));
                }, operator);
        return new Operated(operator, citizens);
    }

    /**
     * {@code unacknowledged} is the gov's own count: its enabled integrators that acknowledged no notice of the bump,
     * who get its reminders and head for a ConnectTimeout at the cutover. It is not notified minus acknowledged: an
     * integrator registered after the announcement still owes the acknowledgement, one unregistered owes none.
     */
    private PendingBump pendingBump(String gov, String bump, Instant cutoverAt) {
        Set<String> notified = notices.integratorsNoticed(gov, bump, false);
        Set<String> acknowledged = notices.integratorsNoticed(gov, bump, true);
        return new PendingBump(cutoverAt, fingerprint(gov, bump), notified.size(), acknowledged.size(),
                notices.unacknowledged(gov, acknowledged).size());
    }

    /** As the bump's latest notice that names it; the notices are the only place this module keeps it. */
    private String fingerprint(String gov, String bump) {
        for (String body : jdbc.queryForList("select body from notice where gov = ? and bump = ? "
                + "order by created_at desc, id", String.class, gov, bump)) {
            JsonNode fingerprint = read(body).path("citizenFingerprint");
            if (fingerprint.isTextual()) {
                return fingerprint.asText();
            }
        }
        return null;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notice body", e);
        }
    }
}
