package io.govlife.query.fingerprints;

import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Which gov and revisions carried each published fingerprint. Only publications count: a draft's fingerprint was
 * never handed to an integrator, so nobody can hold it.
 */
@Component
@ProcessingGroup(FingerprintProjection.NAME)
class FingerprintProjection {

    static final String NAME = "fingerprints";

    private final FingerprintRepository repository;

    FingerprintProjection(FingerprintRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(GovConfigPublished event, @Timestamp Instant at) {
        String gov = event.gov().value();
        long revision = event.revision();
        Optional<GovConfig> before = repository.latestConfig(gov);
        GovConfig after = event.config();
        // the same root as the revision before: a metadata revision, which supersedes no one's root
        boolean metadataOnly = event.previousFingerprint() != null
                && event.previousFingerprint().equals(event.fingerprint());
        Carried.Step step = Carried.Step.between(before.orElse(null), after);
        step.closed().forEach(closed -> repository.close(gov, closed.carried(), revision - 1,
                closed.nextFingerprint()));
        step.opened().forEach(carried -> repository.open(gov, carried, revision));
        repository.change(gov, revision, event.fingerprint().hex(), at, metadataOnly,
                ChangeSummary.of(before.orElse(null), after, metadataOnly), event.notes(),
                event.cutoverOf() == null ? null : event.cutoverOf().value());
        repository.published(gov, revision, event.fingerprint().hex(), after, before.isEmpty());
    }

    @EventHandler
    void on(GovRetired event, @Timestamp Instant at) {
        repository.retired(event.gov().value(), at);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
