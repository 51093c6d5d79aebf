package io.govlife.query.composition;

import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the composition read model: per gov, the published GovConfig, the draft, stale confluences and pending
 * bumps. Each event becomes a new document of its gov ({@link GovComposition}) in {@link CompositionRepository},
 * which the controllers and the live stream ({@link GovStreams}) read.
 */
@Component
@ProcessingGroup(CompositionProjection.NAME)
record CompositionProjection(CompositionRepository repository) {

    static final String NAME = "composition";

    @EventHandler
    void on(GovCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        repository.create(event.gov().value(), event.archetype().name(), event.description(), version,
                GovComposition.start(GovConfig.empty(event.gov())), at);
    }

    @EventHandler
    void on(CitizenReferenced event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().with(event.citizen())));
    }

    @EventHandler
    void on(ConfluenceCommissioned event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().with(event.confluence())));
    }

    @EventHandler
    void on(ConfluenceUpgraded event, @SequenceNumber long version, @Timestamp Instant at) {
        Name name = event.confluence().name();
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().with(event.confluence()))
                .withoutStale(name)
                .withHeld(held -> without(held, name))
                .withBumps(bumps -> bumps.stream().map(b -> b.upgradeRecorded(name)).toList()));
    }

    @EventHandler
    void on(ConfluenceUpgradeHeld event, @SequenceNumber long version, @Timestamp Instant at) {
        Name name = event.confluence().name();
        change(event.gov(), version, at, doc -> doc
                .withHeld(held -> {
                    List<ConfluenceConfig> kept = without(held, name);
                    kept.add(event.confluence());
                    return kept;
                })
                .withBumps(bumps -> bumps.stream().map(b -> b.upgradeRecorded(name)).toList()));
    }

    /** A confirmed confluence is no longer stale, and no longer awaited by the bumps pending under it. */
    @EventHandler
    void on(ConfluenceConfirmed event, @SequenceNumber long version, @Timestamp Instant at) {
        Name name = event.confluence().name();
        change(event.gov(), version, at, doc -> doc.withoutStale(name)
                .withBumps(bumps -> bumps.stream().map(b -> b.upgradeRecorded(name)).toList()));
    }

    @EventHandler
    void on(CitizenDropped event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().without(event.citizen()))
                .withStale(event.staleConfluences(), event.citizen()));
    }

    @EventHandler
    void on(CitizenReplaced event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc
                .withDraft(doc.draft().without(event.citizen()).with(event.replacement()))
                .withStale(event.staleConfluences(), event.citizen()));
    }

    @EventHandler
    void on(BasicServiceShipped event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().with(event.service())));
    }

    @EventHandler
    void on(BasicServiceWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withDraft(doc.draft().without(event.service())));
    }

    @EventHandler
    void on(GovConfigPublished event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.publishing(event.config(), event.revision(), at));
    }

    @EventHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        PendingCutover pending = new PendingCutover(event.citizen(), event.fromFingerprint(), event.toFingerprint(),
                event.cutoverAt(), event.expectedGovFingerprint(), event.confluencesToUpgrade(), false, at,
                event.shortNotice(), event.lateBy());
        change(event.gov(), version, at, doc -> doc.withBumps(bumps -> {
            bumps.add(pending);
            return bumps;
        }));
    }

    @EventHandler
    void on(CutoverFingerprintRevised event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withBumps(bumps -> bumps.stream()
                .map(b -> b.citizen().equals(event.citizen()) ? b.expecting(event.expectedGovFingerprint()) : b)
                .toList()));
    }

    @EventHandler
    void on(FingerprintCutoverBlocked event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.withBumps(bumps -> bumps.stream()
                .map(b -> b.citizen().equals(event.citizen()) ? b.markedBlocked() : b).toList()));
    }

    @EventHandler
    void on(FingerprintBumpCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc
                .withBumps(bumps -> bumps.stream().filter(b -> !b.citizen().equals(event.citizen())).toList())
                .withHeld(held -> held.stream().filter(h -> !event.discardedUpgrades().contains(h.name())).toList()));
    }

    @EventHandler
    void on(FingerprintCutOver event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> {
            GovConfig draft = doc.draft().withFingerprint(event.citizen(), event.toFingerprint());
            for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
                draft = draft.with(upgrade);
            }
            List<Name> applied = event.upgradedConfluences().stream().map(ConfluenceConfig::name).toList();
            GovComposition updated = event.staleConfluences() == null ? doc
                    : doc.withStaleExactly(event.staleConfluences());
            return updated.withDraft(draft)
                    .withHeld(held -> held.stream().filter(h -> !applied.contains(h.name())).toList())
                    .withBumps(bumps -> bumps.stream().filter(b -> !b.citizen().equals(event.citizen())).toList());
        });
    }

    @EventHandler
    void on(GovRetired event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, doc -> doc.retired(at));
    }

    /**
     * Every other event of the gov (integrators, co-operators, notices) changes nothing shown here but still moves
     * the gov's version, so the version this read model answers (and the live stream follows) is the gov's own, the
     * one an {@code If-Match} must name.
     */
    @EventHandler
    void on(GovEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.gov(), version, at, UnaryOperator.identity());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private void change(Name gov, long version, Instant at, UnaryOperator<GovComposition> change) {
        repository.change(gov.value(), version, at, change);
    }

    private static List<ConfluenceConfig> without(List<ConfluenceConfig> held, Name name) {
        return new java.util.ArrayList<>(held.stream().filter(h -> !h.name().equals(name)).toList());
    }
}
