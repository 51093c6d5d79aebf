package io.govlife.query.composition;

import io.govlife.events.InvalidInput;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.support.Page;
import io.govlife.query.support.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

@RestController
@RequestMapping("/api/govs")
record CompositionController(CompositionRepository repository) {

    private static final Set<String> STATUSES = Set.of("DRAFT", "ACTIVE", "RETIRED");

    /** Longer than any gov name: a search that long could match nothing. */
    private static final int NAME_SEARCH_MAX = 64;

    /**
     * Govs by name; {@code name} keeps those whose name contains it, so a console of thousands of govs can find one;
     * {@code pendingCutovers=true} those with a bump still to cut over, the govs whose integrators have work ahead.
     */
    @GetMapping
    Page<GovSummary> list(@RequestParam(required = false) String status,
                          @RequestParam(required = false) String name,
                          @RequestParam(defaultValue = "false") boolean pendingCutovers,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInput("status", "must be one of " + STATUSES);
        }
        if (name != null && name.length() > NAME_SEARCH_MAX) {
            throw new InvalidInput("name", "must be at most " + NAME_SEARCH_MAX + " characters");
        }
        return repository.list(status, name == null || name.isBlank() ? null : name.trim(), pendingCutovers,
                Paging.of(page, size));
    }

    @GetMapping("/{gov}")
    ResponseEntity<GovView> one(@PathVariable String gov) {
        GovView view = repository.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }
}
