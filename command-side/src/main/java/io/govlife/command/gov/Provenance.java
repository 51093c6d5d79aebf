package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When things were recorded (docs/consistency.md): per citizen, the sequence number of the event that gave it its
 * current reference; per confluence, that of the event that recorded its current body; both for the draft and for
 * the published GovConfig. The staleness rule is computed from them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Provenance {

    /** Per draft citizen: the sequence number of the event that gave it its current reference. */
    private TreeMap<String, Long> madeAt = new TreeMap<>();
    /** Per draft confluence: the sequence number of the event that recorded its current body. */
    private TreeMap<String, Long> recordedAt = new TreeMap<>();
    /** The same two, for the published GovConfig. */
    private TreeMap<String, Long> publishedMadeAt = new TreeMap<>();
    private TreeMap<String, Long> publishedRecordedAt = new TreeMap<>();

    Map<String, Long> publishedMadeAt() {
        return publishedMadeAt;
    }

    Map<String, Long> publishedRecordedAt() {
        return publishedRecordedAt;
    }

    /**
     * Draft confluences integrators could not trust as published: one spanning a citizen the draft no longer names,
     * or a lattice or organism whose reference was made (referenced, replaced, bumped) after the confluence's body
     * was recorded. Computed, never stored, so every way of changing the draft is covered by the same rule.
     */
    List<String> staleConfluences(GovConfig draft) {
        return staleConfluences(draft, madeAt, recordedAt);
    }

    void requireNoStaleConfluences(GovConfig draft) {
        List<String> stale = staleConfluences(draft);
        if (!stale.isEmpty()) {
            throw new RuleViolation(Rule.STALE_CONFLUENCES, "confluences", "upgrade or confirm the stale "
                    + "confluences before publishing: " + String.join(", ", stale));
        }
    }

    /**
     * The draft confluences a cutover leaves stale (rule 6): the bumped citizen counts as made when its bump was
     * scheduled, each upgrade entering the draft as recorded when it was held.
     */
    List<Name> staleAfterCutover(GovConfig newDraft, Name bumped, long scheduledAt,
                                        Map<String, Long> heldAt) {
        Map<String, Long> made = new TreeMap<>(madeAt);
        made.put(bumped.value(), scheduledAt);
        Map<String, Long> recorded = new TreeMap<>(recordedAt);
        recorded.putAll(heldAt);
        return staleConfluences(newDraft, made, recorded).stream().map(Name::of).toList();
    }

    private static List<String> staleConfluences(GovConfig draft, Map<String, Long> madeAt,
                                                 Map<String, Long> recordedAt) {
        List<String> stale = new ArrayList<>();
        for (ConfluenceConfig confluence : draft.confluences()) {
            long recorded = recordedAt.getOrDefault(confluence.name().value(), Long.MIN_VALUE);
            boolean outdated = confluence.spans().stream().anyMatch(spanned -> !draft.names(spanned)
                    || draft.kindOf(spanned).orElseThrow() != CitizenKind.CONFLUENCE
                    && madeAt.getOrDefault(spanned.value(), Long.MIN_VALUE) > recorded);
            if (outdated) {
                stale.add(confluence.name().value());
            }
        }
        return stale;
    }

    // ---- event sourcing handlers: state changes only

    @EventSourcingHandler
    void on(CitizenReferenced event, @SequenceNumber long seq) {
        madeAt.put(event.citizen().name().value(), seq);
    }

    @EventSourcingHandler
    void on(ConfluenceCommissioned event, @SequenceNumber long seq) {
        recordedAt.put(event.confluence().name().value(), seq);
    }

    @EventSourcingHandler
    void on(ConfluenceUpgraded event, @SequenceNumber long seq) {
        recordedAt.put(event.confluence().name().value(), seq);
    }

    /** Called by the gov, which knows the draft: counts as recorded now if that is the body the draft has. */
    void confirmed(ConfluenceConfirmed event, long seq, GovConfig draft) {
        if (draft.confluence(event.confluence().name()).filter(event.confluence()::equals).isPresent()) {
            recordedAt.put(event.confluence().name().value(), seq);
        }
    }

    @EventSourcingHandler
    void on(CitizenDropped event) {
        forget(event.citizen());
    }

    @EventSourcingHandler
    void on(CitizenReplaced event, @SequenceNumber long seq) {
        forget(event.citizen());
        madeAt.put(event.replacement().name().value(), seq);
    }

    private void forget(Name citizen) {
        madeAt.remove(citizen.value());
        recordedAt.remove(citizen.value());
    }

    /**
     * An operator publishes the draft, with the draft's record of each confluence; a cutover keeps the published
     * record, with its held upgrades' (set when the cutover was applied).
     */
    @EventSourcingHandler
    void on(GovConfigPublished event) {
        Set<String> confluences = new HashSet<>();
        event.config().confluences().forEach(c -> confluences.add(c.name().value()));
        if (event.cutoverOf() == null) {
            publishedRecordedAt = new TreeMap<>(recordedAt);
            publishedMadeAt = new TreeMap<>(madeAt);
        }
        publishedRecordedAt.keySet().retainAll(confluences);
    }

    /**
     * Called by the gov with what the bumps and held upgrades release at the cutover: the bumped citizen's reference
     * counts as made when the bump was scheduled; each upgrade the cutover carries keeps the record of when it was held, in the
     * draft (where it fits) and in the published GovConfig ({@code published}: the one before this cutover).
     */
    void cutOver(FingerprintCutOver event, long scheduledAt, Map<String, Long> heldAt, GovConfig draft,
                 GovConfig published) {
        madeAt.put(event.citizen().value(), scheduledAt);
        publishedMadeAt.put(event.citizen().value(), scheduledAt);
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            long recorded = heldAt.get(upgrade.name().value());
            if (Draft.fits(draft, upgrade)) {
                recordedAt.put(upgrade.name().value(), recorded);
            }
            if (published != null && published.confluence(upgrade.name()).isPresent()) {
                publishedRecordedAt.put(upgrade.name().value(), recorded);
            }
        }
    }
}
