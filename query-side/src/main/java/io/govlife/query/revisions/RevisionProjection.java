package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfigPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps every published revision whole, so any GovConfig can be served as it stood. */
@Component
@ProcessingGroup(RevisionProjection.NAME)
record RevisionProjection(RevisionRepository repository, CurrentConfigs current) {

    static final String NAME = "revisions";

    @EventHandler
    void on(GovConfigPublished event, @Timestamp Instant at, @MetaDataValue("operator") String operator) {
        repository.insert(new Revision(event.gov().value(), event.revision(), event.fingerprint().hex(),
                event.previousFingerprint() == null ? null : event.previousFingerprint().hex(), event.config(), at,
                operator, event.notes(), event.cutoverOf() == null ? null : event.cutoverOf().value(),
                event.metadataOnly()));
        current.published(event.gov().value());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        current.reset();
    }
}
