package io.govlife.saga.notices;

import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.Principal;

/**
 * Who may see and act on a gov's notices: its owner and co-operators, as the gov's own events say (the command
 * side's aggregate is not ours to read). Kept by a processor of its own, which starts from the beginning of the log
 * on first start, so a database that already has govs learns their operators; every handler is idempotent, so an
 * event handled again after a crash changes nothing. Admin tokens may read every gov's notices, never act on them.
 */
@Component
@ProcessingGroup(NoticeAuthority.NAME)
public class NoticeAuthority {

    static final String NAME = "notice-authority";

    private final JdbcTemplate jdbc;

    public NoticeAuthority(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GovCreated event) {
        if (event.owner() != null) {
            add(event.gov().value(), event.owner());
        }
    }

    @EventHandler
    void on(CoOperatorAdded event) {
        add(event.gov().value(), event.operator());
    }

    @EventHandler
    void on(CoOperatorRemoved event) {
        jdbc.update("delete from notice_operator where gov = ? and operator = ?", event.gov().value(),
                event.operator());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("delete from notice_operator");
    }

    /** @throws RuleViolation unless the caller operates the gov, or, when only reading, holds an admin token */
    void require(String gov, Principal caller, boolean admin, boolean reading) {
        if (admin && reading) {
            return;
        }
        if (admin) {
            throw new RuleViolation(Rule.NOT_AN_OPERATOR, "operator",
                    "admin tokens may read a gov's notices, not act on them: use an operator token of gov '"
                            + gov + "'");
        }
        String operator = caller == null ? null : caller.getName();
        Long operates = operator == null ? Long.valueOf(0) : jdbc.queryForObject(
                "select count(*) from notice_operator where gov = ? and operator = ?", Long.class, gov, operator);
        if (operates == null || operates == 0) {
            throw new RuleViolation(Rule.NOT_AN_OPERATOR, "operator", "'" + operator
                    + "' is not an operator of gov '" + gov + "': its notices are its operators' own");
        }
    }

    private void add(String gov, String operator) {
        jdbc.update("insert into notice_operator (gov, operator) select ?, ? from (values (1)) as one(x) "
                + "where not exists (select 1 from notice_operator where gov = ? and operator = ?)",
                gov, operator, gov, operator);
    }
}
