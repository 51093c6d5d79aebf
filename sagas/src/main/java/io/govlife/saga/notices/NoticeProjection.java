package io.govlife.saga.notices;

import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Decides the notices that follow from events alone: every publication, retirement, and the courtesy notice to a
 * citizen's operator when the gov first references it; stops pending notices to an endpoint that is gone.
 * Bump notices are the bump saga's. Never replayed: a replay would only find the notices already written, but a
 * notice is an act on the world, not a view of the log.
 */
@Component
@ProcessingGroup(NoticeProjection.NAME)
@DisallowReplay
class NoticeProjection {

    static final String NAME = "notices";
    private static final Pattern WEBHOOK = Pattern.compile("^https?://\\S+$");

    private final JdbcTemplate jdbc;
    private final NoticeBook notices;

    NoticeProjection(JdbcTemplate jdbc, NoticeBook notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    @EventHandler
    void on(IntegratorEndpointDisabled event) {
        jdbc.update("update notice set status = 'FAILED', next_attempt_at = null where gov = ? and integrator = ? "
                + "and status = 'PENDING'", event.gov().value(), event.integrator().value());
    }

    @EventHandler
    void on(GovConfigPublished event, EventMessage<?> message) {
        notices.notifyIntegrators(message.getIdentifier(), new NoticeContent(event.gov().value(),
                NoticeKind.PUBLICATION, event.cutoverOf() == null ? null : event.cutoverOf().value(),
                event.previousFingerprint() == null ? null : event.previousFingerprint().hex(),
                event.fingerprint().hex(), null, event.revision()), null);
    }

    @EventHandler
    void on(GovRetired event, EventMessage<?> message) {
        String last = event.lastFingerprint() == null ? null : event.lastFingerprint().hex();
        notices.notifyIntegrators(message.getIdentifier(), new NoticeContent(event.gov().value(),
                NoticeKind.RETIREMENT, null, last, last, null, event.lastRevision()), null);
    }

    /** The courtesy of telling a citizen's operator, once, that this gov now names it. */
    @EventHandler
    void on(CitizenReferenced event) {
        String contact = contactOf(event);
        if (contact != null && WEBHOOK.matcher(contact).matches()) {
            notices.notifyAddress("inclusion/" + event.gov() + "/" + event.citizen().name(),
                    new NoticeContent(event.gov().value(), NoticeKind.INCLUSION, event.citizen().name().value(),
                            null, null, null, null), contact);
        }
    }

    private static String contactOf(CitizenReferenced event) {
        if (event.citizen() instanceof io.govlife.events.citizen.LatticeRef lattice) {
            return lattice.operatorContact();
        }
        return ((io.govlife.events.citizen.OrganismRef) event.citizen()).operatorContact();
    }
}
