package io.govlife.query.fingerprints;

import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.QueryProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The lookup an integrator with a ConnectTimeout runs on the fingerprint it holds: public, no token. */
@RestController
class FingerprintController {

    private final FingerprintLookups lookups;

    FingerprintController(FingerprintLookups lookups) {
        this.lookups = lookups;
    }

    @GetMapping(value = "/api/fingerprints/{fingerprint}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FingerprintLookup> lookup(@PathVariable String fingerprint) {
        FingerprintLookup found = lookups.find(FingerprintLookups.valid("fingerprint", fingerprint))
                .orElseThrow(() -> unknown("fingerprint", fingerprint));
        return ResponseEntity.ok().eTag(FingerprintLookups.etag(found)).cacheControl(PublicCaching.BRIEF).body(found);
    }

    static org.springframework.web.ErrorResponseException unknown(String field, String fingerprint) {
        return QueryProblems.notFound("fingerprint-not-found", field,
                "no gov ever published " + fingerprint + ", as its root or a citizen's");
    }
}
