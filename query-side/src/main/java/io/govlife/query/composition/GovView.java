package io.govlife.query.composition;

import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.service.ServiceRef;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/govs/{gov}}: the gov's current state as operators and integrators read it. */
public record GovView(String name, String archetype, String description, String status, long version,
                      Published published, Draft draft, List<PendingCutover> pendingBumps,
                      List<Name> staleConfluences, List<ServiceRef> services,
                      Instant createdAt, Instant updatedAt, Instant retiredAt) {

    public record Published(long revision, String fingerprint, Instant publishedAt, GovConfig config) {
    }

    public record Draft(String fingerprint, GovConfig config, List<ConfluenceConfig> heldUpgrades) {
    }
}
