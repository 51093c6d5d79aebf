package io.govlife.saga.notices;

import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.operator.CitizenOperatorAdded;
import io.govlife.events.operator.CitizenOperatorRemoved;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.List;

/**
 * Who may see and act on a gov's notices: its owner and co-operators, as the gov's own events say (the command
 * side's aggregate is not ours to read). Kept by a processor of its own, which starts from the beginning of the log
 * on first start, so a database that already has govs learns their operators; every handler is idempotent, so an
 * event handled again after a crash changes nothing. Admin tokens may read every gov's notices, never act on them.
 * <p>
 * A citizen's operators (named by the owner, DOMAIN.md v2) read the notices about their own citizen and nothing else
 * of the gov; they lose that with the citizen's drop or replacement, as the gov itself decides.
 */
@Component
@ProcessingGroup(NoticeAuthority.NAME)
record NoticeAuthority(JdbcTemplate jdbc) {

    static final String NAME = "notice-authority";

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

    @EventHandler
    void on(CitizenOperatorAdded event) {
        String gov = event.gov().value();
        String citizen = event.citizen().value();
        jdbc.update("insert into notice_citizen_operator (gov, citizen, operator) select ?, ?, ? "
                + "from (values (1)) as one(x) where not exists (select 1 from notice_citizen_operator "
                + "where gov = ? and citizen = ? and operator = ?)",
                gov, citizen, event.operator(), gov, citizen, event.operator());
    }

    @EventHandler
    void on(CitizenOperatorRemoved event) {
        jdbc.update("delete from notice_citizen_operator where gov = ? and citizen = ? and operator = ?",
                event.gov().value(), event.citizen().value(), event.operator());
    }

    @EventHandler
    void on(CitizenDropped event) {
        jdbc.update("delete from notice_citizen_operator where gov = ? and citizen = ?", event.gov().value(),
                event.citizen().value());
    }

    @EventHandler
    void on(CitizenReplaced event) {
        jdbc.update("delete from notice_citizen_operator where gov = ? and citizen = ?", event.gov().value(),
                event.citizen().value());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("delete from notice_operator");
        jdbc.update("delete from notice_citizen_operator");
    }

    /**
     * What the caller may read of the gov's notices: all of them (the gov's operators, an admin token), or only those
     * about the citizens it operates.
     *
     * @throws RuleViolation when it may read none
     */
    Reader reader(String gov, Principal caller, boolean admin) {
        if (admin) {
            return Reader.WHOLE_GOV;
        }
        String operator = caller == null ? null : caller.getName();
        if (operator != null && operates(gov, operator)) {
            return Reader.WHOLE_GOV;
        }
        List<String> citizens = operator == null ? List.of() : jdbc.queryForList("select citizen from "
                + "notice_citizen_operator where gov = ? and operator = ? order by citizen", String.class, gov, operator);
        if (citizens.isEmpty()) {
            require(gov, caller, false, true);
        }
        return new Reader(citizens);
    }

    /**
     * Whose notices a reader sees: {@code citizens} null for every notice of the gov, else the notices about those
     * citizens only (their bumps, their inclusion), with nothing naming the gov's integrators.
     */
    record Reader(List<String> citizens) {
        static final Reader WHOLE_GOV = new Reader(null);

        boolean wholeGov() {
            return citizens == null;
        }
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
        if (operator == null || !operates(gov, operator)) {
            List<String> citizens = operator == null ? List.of() : jdbc.queryForList("select citizen from "
                    + "notice_citizen_operator where gov = ? and operator = ? order by citizen", String.class, gov,
                    operator);
            throw RuleViolation.notAnOperator(operator, gov, citizens,
                    "read that citizen's notices, not act on the gov's", "its notices are its operators' own");
        }
    }

    private boolean operates(String gov, String operator) {
        Long operates = jdbc.queryForObject("select count(*) from notice_operator where gov = ? and operator = ?",
                Long.class, gov, operator);
        return operates != null && operates > 0;
    }

    private void add(String gov, String operator) {
        jdbc.update("insert into notice_operator (gov, operator) select ?, ? from (values (1)) as one(x) "
                + "where not exists (select 1 from notice_operator where gov = ? and operator = ?)",
                gov, operator, gov, operator);
    }
}
