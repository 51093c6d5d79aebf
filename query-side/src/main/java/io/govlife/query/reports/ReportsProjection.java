package io.govlife.query.reports;

import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Facts for reporting: each bump with the notice it gave and how it ended, each publication with its counts. */
@Component
@ProcessingGroup(ReportsProjection.NAME)
record ReportsProjection(ReportsRepository repository) {

    static final String NAME = "reports";

    @EventHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        repository.bumpScheduled(event.gov().value(), sequence, event.citizen().value(), at, event.cutoverAt(),
                event.shortNotice(), event.catchUp());
    }

    @EventHandler
    void on(FingerprintBumpCancelled event, @Timestamp Instant at) {
        repository.bumpEnded(event.gov().value(), event.citizen().value(), "CANCELLED", at);
    }

    @EventHandler
    void on(FingerprintCutoverBlocked event) {
        repository.bumpBlocked(event.gov().value(), event.citizen().value());
    }

    @EventHandler
    void on(FingerprintCutOver event, @Timestamp Instant at) {
        repository.bumpEnded(event.gov().value(), event.citizen().value(), "CUT_OVER", at);
    }

    @EventHandler
    void on(GovConfigPublished event, @Timestamp Instant at) {
        GovConfig config = event.config();
        repository.publication(event.gov().value(), event.revision(), at,
                event.cutoverOf() == null ? null : event.cutoverOf().value(), config.lattices().size(),
                config.organisms().size(), config.confluences().size(), config.services().size());
        if (event.cutoverOf() != null) {
            repository.cutoverPublished(event.gov().value(), event.cutoverOf().value(), event.revision(), at);
        }
    }

    @EventHandler
    void on(GovRetired event, @Timestamp Instant at) {
        repository.govRetired(event.gov().value(), at);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
