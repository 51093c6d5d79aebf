package io.govlife.query.revisions;

import io.govlife.query.support.GovConfigDiff;
import io.govlife.query.support.Instants;
import io.govlife.query.support.JsonColumns;
import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.QueryProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Published GovConfigs: the current one, any past one, the list, and what changed between two. */
@RestController
@RequestMapping("/api/govs/{gov}")
class RevisionController {

    private final RevisionRepository revisions;

    RevisionController(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    /**
     * The GovConfig as integrators compile it in: canonical JSON (groups in GOV_ROOT order, fields in declaration
     * order), {@code ETag} its fingerprint ({@link Revision#etag}). The revision travels in headers so the body is
     * the content alone.
     */
    @GetMapping(value = "/config", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> config(@PathVariable String gov, @RequestParam(required = false) Long revision,
                                  @RequestParam(required = false) Instant asOf) {
        if (revision != null && asOf != null) {
            throw QueryProblems.badRequest("revision", "give revision or asOf, not both");
        }
        Instants.requireSane("asOf", asOf);
        Revision found;
        if (revision != null) {
            found = revisions.number(gov, revision).orElseThrow(() -> QueryProblems.notFound("revision-not-found",
                    "revision", "gov '" + gov + "' has no revision " + revision));
        } else if (asOf != null) {
            found = revisions.asOf(gov, asOf).orElseThrow(() -> QueryProblems.notFound("revision-not-found",
                    "asOf", "gov '" + gov + "' had published nothing by " + asOf));
        } else {
            found = revisions.latest(gov).orElseThrow(() -> QueryProblems.notFound("revision-not-found",
                    "gov", "gov '" + gov + "' has published no GovConfig"));
        }
        // by number, a revision never changes; the latest or the one in force at an instant may be replaced
        return ResponseEntity.ok()
                .eTag(found.etag())
                .cacheControl(revision != null ? PublicCaching.IMMUTABLE : PublicCaching.BRIEF)
                .header("Gov-Revision", Long.toString(found.revision()))
                .lastModified(found.publishedAt())
                .body(JsonColumns.write(found.config()));
    }

    /** Revisions are only ever appended, so the list is told apart by its last revision. */
    @GetMapping("/revisions")
    ResponseEntity<List<Revision.Summary>> revisions(@PathVariable String gov) {
        List<Revision.Summary> all = revisions.all(gov).stream().map(Revision::summary).toList();
        String last = all.isEmpty() ? "none" : all.get(all.size() - 1).revision() + "-"
                + all.get(all.size() - 1).fingerprint();
        return ResponseEntity.ok().eTag("\"revisions-" + last + "\"").cacheControl(PublicCaching.BRIEF).body(all);
    }

    /** Between two numbered revisions, both immutable: so is the diff. */
    @GetMapping("/revisions/{a}/diff/{b}")
    ResponseEntity<GovConfigDiff> diff(@PathVariable String gov, @PathVariable long a, @PathVariable long b) {
        Revision from = revisions.number(gov, a).orElseThrow(() -> QueryProblems.notFound("revision-not-found",
                "a", "gov '" + gov + "' has no revision " + a));
        Revision to = revisions.number(gov, b).orElseThrow(() -> QueryProblems.notFound("revision-not-found",
                "b", "gov '" + gov + "' has no revision " + b));
        return ResponseEntity.ok().eTag("\"diff-" + a + "-" + from.fingerprint() + "-" + b + "-" + to.fingerprint() + "\"")
                .cacheControl(PublicCaching.IMMUTABLE).body(GovConfigDiff.between(from.config(), to.config()));
    }
}
