package io.govlife.query.audit;

import io.govlife.events.InvalidInput;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.support.Instants;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code GET /api/govs/{gov}/history}: the audit trail, oldest first, paged and filtered. */
@RestController
record AuditController(AuditRepository entries, CompositionRepository govs) {

    @GetMapping("/api/govs/{gov}/history")
    Page<AuditEntry> history(@PathVariable String gov,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String citizen,
                             @RequestParam(required = false) Instant from,
                             @RequestParam(required = false) Instant to,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        Instants.requireSane("from", from);
        Instants.requireSane("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("from", "must not be after 'to'");
        }
        govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        return entries.history(gov, type, citizen, from, to, paging);
    }
}
