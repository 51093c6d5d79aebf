package io.govlife.query.revisions;

import io.govlife.events.InvalidInput;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.support.GovConfigDiff;
import io.govlife.query.support.Instants;
import io.govlife.query.support.PublicBytes;
import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.PublicRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Published GovConfigs: the current one, any past one, the list, and what changed between two. */
@PublicRead
@RestController
@RequestMapping("/api/govs/{gov}")
record RevisionController(RevisionRepository revisions, CurrentConfigs current) {

    /**
     * The GovConfig as integrators compile it in: canonical JSON (groups in GOV_ROOT order, fields in declaration
     * order), {@code ETag} its fingerprint. The revision travels in headers so the body is the content alone.
     */
    @GetMapping(value = "/config", produces = MediaType.APPLICATION_JSON_VALUE)
    void config(@PathVariable String gov, @RequestParam(required = false) Long revision,
                @RequestParam(required = false) Instant asOf, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        if (revision != null && asOf != null) {
            throw new InvalidInput("revision", "give revision or asOf, not both");
        }
        Instants.requireSane("asOf", asOf);
        CurrentConfigs.Served found;
        if (revision != null) {
            found = revisions.number(gov, revision).map(CurrentConfigs.Served::of).orElseThrow(() ->
                    new RuleViolation(Rule.REVISION_NOT_FOUND, "revision",
                            "gov '" + gov + "' has no revision " + revision));
        } else if (asOf != null) {
            found = revisions.asOf(gov, asOf).map(CurrentConfigs.Served::of).orElseThrow(() ->
                    new RuleViolation(Rule.REVISION_NOT_FOUND, "asOf",
                            "gov '" + gov + "' had published nothing by " + asOf));
        } else {
            // what integrators poll: served as written at publication
            found = current.current(gov).orElseThrow(() -> new RuleViolation(Rule.REVISION_NOT_FOUND,
                    "gov", "gov '" + gov + "' has published no GovConfig"));
        }
        // a numbered revision never changes: a CDN may keep it for good; the current one only briefly
        response.setHeader("Gov-Revision", Long.toString(found.revision()));
        PublicBytes.send(request, response, MediaType.APPLICATION_JSON,
                revision != null ? PublicCaching.FOR_GOOD : PublicCaching.BRIEFLY, found.etag(), found.publishedAt(),
                found.body());
    }

    /**
     * The gov root (API.md), except for a metadata revision: its body differs from the revision before it (a docs
     * link, a contact) under the same root, and a cache revalidating with the root would be told 304 and keep the old
     * body for as long as the root stands. The revision number sets it apart.
     */
    static String etag(Revision revision) {
        return "\"" + revision.fingerprint() + (revision.metadataOnly() ? "." + revision.revision() : "") + "\"";
    }

    /** The list grows only at publication: its entity tag is the last revision's number. */
    @GetMapping("/revisions")
    ResponseEntity<List<Revision.Summary>> revisions(@PathVariable String gov) {
        List<Revision.Summary> all = revisions.all(gov).stream().map(Revision::summary).toList();
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).revision();
        return ResponseEntity.ok().cacheControl(PublicCaching.BRIEFLY).eTag("\"revisions-" + last + "\"").body(all);
    }

    /** Between two numbered revisions: as immutable as they are. */
    @GetMapping("/revisions/{a}/diff/{b}")
    ResponseEntity<GovConfigDiff> diff(@PathVariable String gov, @PathVariable long a, @PathVariable long b) {
        Revision from = revisions.number(gov, a).orElseThrow(() -> new RuleViolation(Rule.REVISION_NOT_FOUND,
                "a", "gov '" + gov + "' has no revision " + a));
        Revision to = revisions.number(gov, b).orElseThrow(() -> new RuleViolation(Rule.REVISION_NOT_FOUND,
                "b", "gov '" + gov + "' has no revision " + b));
        return ResponseEntity.ok().cacheControl(PublicCaching.FOR_GOOD).eTag("\"diff-" + a + "-" + b + "\"")
                .body(GovConfigDiff.between(from.config(), to.config()));
    }
}
