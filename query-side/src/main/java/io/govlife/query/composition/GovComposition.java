package io.govlife.query.composition;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.GovConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The document the composition read model keeps per gov: what is published, what the draft holds, what is pending.
 * Immutable; each event yields the next one.
 */
record GovComposition(GovConfig published, Long revision, Instant publishedAt, GovConfig draft,
                             List<Name> staleConfluences, List<PendingCutover> pendingBumps,
                             List<ConfluenceConfig> heldUpgrades, Instant retiredAt) {

    public GovComposition {
        staleConfluences = List.copyOf(staleConfluences);
        pendingBumps = List.copyOf(pendingBumps);
        heldUpgrades = List.copyOf(heldUpgrades);
    }

    static GovComposition start(GovConfig emptyDraft) {
        return new GovComposition(null, null, null, emptyDraft, List.of(), List.of(), List.of(), null);
    }

    GovComposition withDraft(GovConfig newDraft) {
        return new GovComposition(published, revision, publishedAt, newDraft, staleConfluences, pendingBumps,
                heldUpgrades, retiredAt);
    }

    GovComposition withStale(List<Name> added, Name gone) {
        List<Name> stale = new ArrayList<>(staleConfluences);
        stale.remove(gone);
        added.stream().filter(c -> !stale.contains(c)).forEach(stale::add);
        return new GovComposition(published, revision, publishedAt, draft, stale, pendingBumps, heldUpgrades,
                retiredAt);
    }

    GovComposition withStaleExactly(List<Name> stale) {
        return new GovComposition(published, revision, publishedAt, draft, stale, pendingBumps, heldUpgrades,
                retiredAt);
    }

    GovComposition withoutStale(Name confluence) {
        return withStale(List.of(), confluence);
    }

    GovComposition publishing(GovConfig config, long newRevision, Instant at) {
        return new GovComposition(config, newRevision, at, draft, staleConfluences, pendingBumps, heldUpgrades,
                retiredAt);
    }

    GovComposition withBumps(UnaryOperator<List<PendingCutover>> change) {
        return new GovComposition(published, revision, publishedAt, draft, staleConfluences,
                change.apply(new ArrayList<>(pendingBumps)), heldUpgrades, retiredAt);
    }

    GovComposition withHeld(UnaryOperator<List<ConfluenceConfig>> change) {
        return new GovComposition(published, revision, publishedAt, draft, staleConfluences, pendingBumps,
                change.apply(new ArrayList<>(heldUpgrades)), retiredAt);
    }

    GovComposition retired(Instant at) {
        return new GovComposition(published, revision, publishedAt, draft, staleConfluences, List.of(), List.of(), at);
    }

    public String status() {
        return retiredAt != null ? "RETIRED" : published != null ? "ACTIVE" : "DRAFT";
    }
}
