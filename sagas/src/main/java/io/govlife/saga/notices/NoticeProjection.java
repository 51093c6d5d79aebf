package io.govlife.saga.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.service.ServiceRef;
import org.apache.commons.codec.digest.DigestUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides the notices that follow from events alone: every publication, retirement, and the courtesy notice to a
 * citizen's operator when a publication first names the citizen or changes its reference; stops pending notices to
 * an endpoint that is gone. Bump notices are the bump saga's. Never replayed: a replay would only find the notices
 * already written, but a notice is an act on the world, not a view of the log.
 * <p>
 * What each gov last published is kept here part by part ({@code notice_published_part}), so a publication is
 * compared with the previous one without reading another module's tables; a draft is never compared with anything,
 * since nothing of it reaches integrators or citizens until it is published.
 */
@Component
@ProcessingGroup(NoticeProjection.NAME)
@DisallowReplay
record NoticeProjection(JdbcTemplate jdbc, NoticeBook notices) {

    static final String NAME = "notices";
    private static final Pattern WEBHOOK = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("^(mailto:)?([^@\\s:/]+@[^@\\s/]+)$",
            Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final String REVISION = "revision";
    private static final String CITIZEN = "citizen:";
    private static final String CONFLUENCE = "confluence:";
    private static final String SERVICE = "service:";

    @EventHandler
    void on(IntegratorEndpointDisabled event) {
        jdbc.update("update notice set status = 'FAILED', next_attempt_at = null where gov = ? and integrator = ? "
                + "and status = 'PENDING'", event.gov().value(), event.integrator().value());
    }

    @EventHandler
    void on(GovConfigPublished event, EventMessage<?> message) {
        String gov = event.gov().value();
        Map<String, String> before = lastPublished(gov);
        // a gov published before this table existed: what it published last is unknown, so nothing counts as changed
        // but the citizens never told of their inclusion
        boolean known = event.previousFingerprint() == null || before.containsKey(REVISION);
        Map<String, String> now = parts(event);

        NoticeContent publication = new NoticeContent(gov, NoticeKind.PUBLICATION,
                event.cutoverOf() == null ? null : event.cutoverOf().value(),
                event.previousFingerprint() == null ? null : event.previousFingerprint().hex(),
                event.fingerprint().hex(), null, event.revision())
                .with(new NoticeContent.Publication(event.metadataOnly(),
                        known ? docsChanged(event.config(), before, now) : List.of()));
        notices.notifyIntegrators(message.getIdentifier(), publication, null);

        for (CitizenRef citizen : citizens(event.config())) {
            String name = citizen.name().value();
            // a cutover moves only the bumped citizen's fingerprint (rule 3): the same citizen, already told
            boolean bumped = event.cutoverOf() != null && event.cutoverOf().equals(citizen.name());
            boolean changed = known ? !now.get(CITIZEN + name).equals(before.get(CITIZEN + name)) : !toldOf(gov, name);
            if (changed && !bumped) {
                include(event, citizen);
            }
        }
        remember(gov, now);
    }

    @EventHandler
    void on(GovRetired event, EventMessage<?> message) {
        String last = event.lastFingerprint() == null ? null : event.lastFingerprint().hex();
        notices.notifyIntegrators(message.getIdentifier(), new NoticeContent(event.gov().value(),
                NoticeKind.RETIREMENT, null, last, last, null, event.lastRevision()), null);
    }

    /**
     * The courtesy of telling a citizen's operator that this gov now names it (or names it differently): a webhook to
     * an http(s) contact, otherwise a notice listed for the gov's operators to pass on by hand. One per revision, so
     * the same publication handled again writes nothing.
     */
    private void include(GovConfigPublished event, CitizenRef citizen) {
        String contact = contactOf(citizen);
        if (contact == null || contact.isBlank()) {
            return;
        }
        contact = contact.strip();
        String gov = event.gov().value();
        String name = citizen.name().value();
        NoticeContent inclusion = new NoticeContent(gov, NoticeKind.INCLUSION, name,
                event.previousFingerprint() == null ? null : event.previousFingerprint().hex(),
                event.fingerprint().hex(), null, event.revision(), citizen.fingerprint().hex(), null);
        String source = "inclusion/" + gov + "/" + name + "/" + event.revision();
        if (WEBHOOK.matcher(contact).matches()) {
            notices.notifyAddress(source, inclusion, contact);
            return;
        }
        var email = EMAIL.matcher(contact);
        // anything else (a chat handle, a phone number) is still a person to tell, by hand
        notices.listForManualNotice(source, inclusion, email.matches() ? "mailto:" + email.group(2) : contact);
    }

    private boolean toldOf(String gov, String citizen) {
        Long told = jdbc.queryForObject("select count(*) from notice where gov = ? and kind = 'INCLUSION' "
                + "and citizen = ?", Long.class, gov, citizen);
        return told != null && told > 0;
    }

    /** Services and confluences new or changed since the previous revision, that say where their docs are. */
    private static List<NoticeContent.Doc> docsChanged(GovConfig config, Map<String, String> before,
                                                       Map<String, String> now) {
        List<NoticeContent.Doc> docs = new ArrayList<>();
        for (ServiceRef service : config.services()) {
            String part = SERVICE + service.service().name();
            if (service.docsUrl() != null && !now.get(part).equals(before.get(part))) {
                docs.add(new NoticeContent.Doc(service.service().name(), service.docsUrl()));
            }
        }
        for (ConfluenceConfig confluence : config.confluences()) {
            String part = CONFLUENCE + confluence.name().value();
            if (confluence.docsUrl() != null && !now.get(part).equals(before.get(part))) {
                docs.add(new NoticeContent.Doc(confluence.name().value(), confluence.docsUrl()));
            }
        }
        return docs;
    }

    private Map<String, String> lastPublished(String gov) {
        Map<String, String> parts = new HashMap<>();
        jdbc.query("select part, digest from notice_published_part where gov = ?",
                rs -> {
                    parts.put(rs.getString("part"), rs.getString("digest"));
                }, gov);
        return parts;
    }

    private void remember(String gov, Map<String, String> parts) {
        jdbc.update("delete from notice_published_part where gov = ?", gov);
        List<Object[]> rows = parts.entrySet().stream()
                .map(part -> new Object[] {gov, part.getKey(), part.getValue()}).toList();
        jdbc.batchUpdate("insert into notice_published_part (gov, part, digest) values (?, ?, ?)", rows);
    }

    private static Map<String, String> parts(GovConfigPublished event) {
        GovConfig config = event.config();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(REVISION, Long.toString(event.revision()));
        for (CitizenRef citizen : citizens(config)) {
            parts.put(CITIZEN + citizen.name().value(), digest(citizen));
        }
        for (ConfluenceConfig confluence : config.confluences()) {
            parts.put(CONFLUENCE + confluence.name().value(), digest(confluence));
        }
        for (ServiceRef service : config.services()) {
            parts.put(SERVICE + service.service().name(), digest(service));
        }
        return parts;
    }

    private static List<CitizenRef> citizens(GovConfig config) {
        List<CitizenRef> citizens = new ArrayList<>(config.lattices());
        citizens.addAll(config.organisms());
        return citizens;
    }

    /** The reference whole, kind included: a lattice replaced by an organism of the same name is a new reference. */
    private static String digest(Object reference) {
        try {
            return DigestUtils.sha256Hex(reference.getClass().getSimpleName() + "|"
                    + JSON.writeValueAsString(reference));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot digest " + reference, e);
        }
    }

    private static String contactOf(CitizenRef citizen) {
        if (citizen instanceof LatticeRef lattice) {
            return lattice.operatorContact();
        }
        return ((OrganismRef) citizen).operatorContact();
    }
}
