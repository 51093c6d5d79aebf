package io.govlife.query.fingerprints;

import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.LatticeRef;
import io.govlife.events.citizen.OrganismRef;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.ServiceRef;
import io.govlife.query.fingerprints.FingerprintLookup.Change;
import io.govlife.query.fingerprints.FingerprintLookup.Kind;
import io.govlife.query.support.GovConfigDiff;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Indexes every fingerprint a gov published — its gov roots, each citizen's and service's — by the runs of
 * revisions that carried it, and records what each revision changed, so a lookup reads a few rows by key instead of
 * a gov's whole history.
 */
@Component
@ProcessingGroup(FingerprintProjection.NAME)
record FingerprintProjection(FingerprintRepository repository, FingerprintAnswers answers) {

    static final String NAME = "fingerprints";
    private static final int WHAT_MAX = 8000;

    @EventHandler
    void on(GovConfigPublished event, @Timestamp Instant at, @MetaDataValue("reason") String reason) {
        String gov = event.gov().value();
        long revision = event.revision();
        GovConfig before = repository.gov(gov).map(FingerprintRepository.Gov::config).orElse(null);
        repository.change(gov, new Change(revision, at, event.fingerprint().hex(), what(before, event),
                event.notes() != null ? event.notes() : reason,
                event.cutoverOf() == null ? null : event.cutoverOf().value(), event.metadataOnly()));
        GovConfig config = event.config();
        repository.carried(event.fingerprint().hex(), gov, Kind.GOV_ROOT, "", revision);
        for (LatticeRef lattice : config.lattices()) {
            repository.carried(lattice.fingerprint().hex(), gov, Kind.CITIZEN, lattice.name().value(), revision);
        }
        for (OrganismRef organism : config.organisms()) {
            repository.carried(organism.fingerprint().hex(), gov, Kind.CITIZEN, organism.role().value(), revision);
        }
        for (ConfluenceConfig confluence : config.confluences()) {
            repository.carried(confluence.fingerprint().hex(), gov, Kind.CITIZEN, confluence.name().value(),
                    revision);
        }
        for (ServiceRef service : config.services()) {
            repository.carried(service.fingerprint().hex(), gov, Kind.SERVICE, service.service().name(), revision);
        }
        repository.saveGov(gov, revision, config);
        answers.changed();
    }

    @EventHandler
    void on(GovRetired event, @Timestamp Instant at) {
        repository.retire(event.gov().value(), at);
        answers.changed();
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        answers.changed();
    }

    private static String what(GovConfig before, GovConfigPublished event) {
        String lines = String.join("; ", GovConfigDiff.between(before, event.config()).lines());
        if (lines.isEmpty()) {
            lines = "no change to what integrators bind to";
        }
        if (event.metadataOnly()) {
            lines = "metadata only, same gov root, no recompile needed: " + lines;
        }
        return lines.length() <= WHAT_MAX ? lines : lines.substring(0, WHAT_MAX - 1) + "…";
    }
}
