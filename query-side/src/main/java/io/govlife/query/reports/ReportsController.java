package io.govlife.query.reports;

import io.govlife.events.gov.RuleViolation;
import io.govlife.query.composition.CompositionRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/reports")
record ReportsController(ReportsRepository reports, CompositionRepository govs) {

    /** (a) Per citizen, its bumps with the notice lead time given. */
    @GetMapping("/bumps")
    List<Reports.BumpNotice> bumps(@RequestParam String gov, @RequestParam(required = false) String citizen) {
        requireGov(gov);
        return reports.bumps(gov, citizen);
    }

    /** Per citizen of the gov: its bumps, and how many came at short notice or caught up with a move made. */
    @GetMapping("/cadence")
    List<Reports.Cadence> cadence(@RequestParam String gov) {
        requireGov(gov);
        return reports.cadence(gov);
    }

    /** (b) Per gov, publications per month and the time from each cutover to its publication. */
    @GetMapping("/publications")
    Reports.Publications publications(@RequestParam String gov) {
        requireGov(gov);
        return new Reports.Publications(gov, reports.publicationsPerMonth(gov), reports.cutovers(gov));
    }

    /** (c) How many citizens of each kind, and services, each revision named. */
    @GetMapping("/composition")
    List<Reports.CompositionPoint> composition(@RequestParam String gov) {
        requireGov(gov);
        return reports.composition(gov);
    }

    private void requireGov(String gov) {
        govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
    }
}
