package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.service.BasicService;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;
import io.govlife.events.service.ServiceRef;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The draft's citizens, confluences and services, and the rules about them. The record of when each citizen was made
 * and each confluence recorded, which staleness is computed from, lives in {@link Provenance}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Draft {

    private GovConfig config;

    GovConfig config() {
        return config;
    }

    void reference(CitizenRef citizen, Name gov) {
        requireNameFree(citizen.name(), nameField(citizen), gov);
        apply(new CitizenReferenced(gov, citizen, config.with(citizen).fingerprint()));
    }

    void commission(ConfluenceConfig confluence, Name gov) {
        requireNameFree(confluence.name(), "name", gov);
        requireValidSpans(confluence, gov);
        apply(new ConfluenceCommissioned(gov, confluence, config.with(confluence).fingerprint()));
    }

    void drop(Name citizen, Gov gov) {
        CitizenKind kind = requireCitizen(citizen, gov.name);
        gov.bumps.requireNoneInvolving(citizen);
        apply(new CitizenDropped(gov.name, citizen, kind, confluencesSpanning(citizen),
                config.without(citizen).fingerprint()));
        gov.bumps.reviseCutoverExpectations(gov); // a dropped confluence's held upgrade no longer goes out with a cutover
    }

    void replace(Name citizen, CitizenRef replacement, Gov gov) {
        requireCitizen(citizen, gov.name);
        gov.bumps.requireNoneInvolving(citizen);
        if (!replacement.name().equals(citizen)) {
            requireNameFree(replacement.name(), "replacement." + nameField(replacement), gov.name);
        }
        apply(new CitizenReplaced(gov.name, citizen, replacement, confluencesSpanning(citizen),
                config.without(citizen).with(replacement).fingerprint()));
        gov.bumps.reviseCutoverExpectations(gov);
    }

    /**
     * The confluence's operator confirms it unchanged after what it spans changed: it then counts as recorded after
     * that change (a replacement, a scheduled bump). Only when something did change under it (it is stale, or a
     * pending bump's cutover awaits it), and only if everything it spans is still named: a confluence spanning a
     * dropped citizen needs an upgrade.
     */
    void confirm(Name confluence, Gov gov) {
        ConfluenceConfig body = gov.held.latestBodyOf(confluence, requireConfluence(confluence, gov.name));
        for (int i = 0; i < body.spans().size(); i++) {
            if (!config.names(body.spans().get(i))) {
                throw new RuleViolation(Rule.CONFLUENCE_SPANS_MISSING, "spans[" + i + "]", "'" + body.name()
                        + "' spans '" + body.spans().get(i) + "', which the draft no longer names: upgrade it instead");
            }
        }
        boolean stale = gov.provenance.staleConfluences(config).contains(confluence.value());
        if (!stale && !gov.bumps.awaits(confluence, gov)) {
            throw new RuleViolation(Rule.CONFLUENCE_NOT_STALE, "name", "nothing '" + body.name()
                    + "' spans has changed since it was recorded: there is nothing to confirm");
        }
        apply(new ConfluenceConfirmed(gov.name, body, config.fingerprint()));
        gov.bumps.afterRecording(gov);
    }

    void ship(ServiceRef service, Name gov) {
        if (config.service(service.service()).filter(service::equals).isEmpty()) { // re-shipping records nothing
            apply(new BasicServiceShipped(gov, service, config.with(service).fingerprint()));
        }
    }

    void withdraw(BasicService service, Name gov) {
        if (config.service(service).isEmpty()) {
            throw new RuleViolation(Rule.SERVICE_NOT_SHIPPED, "service", service + " is not shipped by gov '" + gov + "'");
        }
        apply(new BasicServiceWithdrawn(gov, service, config.without(service).fingerprint()));
    }

    void requirePublishable() {
        if (config.namesNothing()) {
            throw new RuleViolation(Rule.DRAFT_EMPTY, "draft",
                    "the draft names no citizen and no service: there is nothing for integrators to bind to");
        }
    }

    CitizenKind requireCitizen(Name citizen, Name gov) {
        return config.kindOf(citizen).orElseThrow(() -> new RuleViolation(Rule.CITIZEN_NOT_FOUND, "citizen",
                "gov '" + gov + "' names no citizen '" + citizen + "'"));
    }

    ConfluenceConfig requireConfluence(Name confluence, Name gov) {
        CitizenKind kind = requireCitizen(confluence, gov);
        return config.confluence(confluence).orElseThrow(() -> new RuleViolation(Rule.NOT_A_CONFLUENCE, "name",
                "'" + confluence + "' is a " + kind.name().toLowerCase() + ", not a confluence"));
    }

    /** A confluence spans two or more distinct citizens the gov currently names, never itself. */
    void requireValidSpans(ConfluenceConfig confluence, Name gov) {
        List<Name> spans = confluence.spans();
        if (spans.size() < 2) {
            throw new RuleViolation(Rule.CONFLUENCE_SPANS_TOO_FEW, "spans",
                    "a confluence spans two or more citizens, got " + spans.size());
        }
        Set<Name> seen = new HashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            Name spanned = spans.get(i);
            String field = "spans[" + i + "]";
            if (spanned.equals(confluence.name())) {
                throw new RuleViolation(Rule.CONFLUENCE_SPANS_ITSELF, field, "a confluence cannot span itself");
            }
            if (!seen.add(spanned)) {
                throw new RuleViolation(Rule.CONFLUENCE_SPAN_REPEATED, field, "'" + spanned + "' is spanned twice");
            }
            if (!config.names(spanned)) {
                throw new RuleViolation(Rule.CONFLUENCE_SPAN_UNKNOWN, field,
                        "gov '" + gov + "' names no citizen '" + spanned + "'");
            }
        }
    }

    private void requireNameFree(Name citizen, String field, Name gov) {
        if (config.names(citizen)) {
            throw new RuleViolation(Rule.CITIZEN_NAME_TAKEN, field,
                    "gov '" + gov + "' already names a citizen '" + citizen + "'");
        }
    }

    private static String nameField(CitizenRef citizen) {
        return citizen.citizenKind() == CitizenKind.ORGANISM ? "role" : "name";
    }

    private List<Name> confluencesSpanning(Name citizen) {
        return config.confluencesSpanning(citizen).stream().filter(c -> !c.equals(citizen)).toList();
    }

    /** Whether a held upgrade fits the draft: the confluence and everything it spans still named. */
    static boolean fits(GovConfig draft, ConfluenceConfig upgrade) {
        return draft.names(upgrade.name()) && upgrade.spans().stream().allMatch(draft::names);
    }

    // ---- event sourcing handlers: state changes only

    @EventSourcingHandler
    void on(GovCreated event) {
        config = GovConfig.empty(event.gov());
    }

    @EventSourcingHandler
    void on(CitizenReferenced event) {
        config = config.with(event.citizen());
    }

    @EventSourcingHandler
    void on(ConfluenceCommissioned event) {
        config = config.with(event.confluence());
    }

    @EventSourcingHandler
    void on(ConfluenceUpgraded event) {
        config = config.with(event.confluence());
    }

    @EventSourcingHandler
    void on(CitizenDropped event) {
        config = config.without(event.citizen());
    }

    @EventSourcingHandler
    void on(CitizenReplaced event) {
        config = config.without(event.citizen()).with(event.replacement());
    }

    @EventSourcingHandler
    void on(BasicServiceShipped event) {
        config = config.with(event.service());
    }

    @EventSourcingHandler
    void on(BasicServiceWithdrawn event) {
        config = config.without(event.service());
    }

    /** Each upgrade the cutover carries enters the draft where it fits (a dropped span leaves it out). */
    @EventSourcingHandler
    void on(FingerprintCutOver event) {
        config = config.withFingerprint(event.citizen(), event.toFingerprint());
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            if (fits(config, upgrade)) {
                config = config.with(upgrade);
            }
        }
    }
}
