package io.govlife.query.fingerprints;

import io.govlife.events.InvalidInput;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.query.support.PublicBytes;
import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.PublicRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Public: an integrator whose build holds a gov root (or a citizen's fingerprint) asks what it is now. The answer
 * changes only when a gov publishes or retires, so it carries an entity tag (a matching {@code If-None-Match} gets
 * 304) and may be cached briefly by a CDN.
 */
@PublicRead
@RestController
record FingerprintController(FingerprintAnswers answers) {

    @GetMapping("/api/fingerprints/{fingerprint}")
    void lookUp(@PathVariable String fingerprint, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!FingerprintLookups.wellFormed(fingerprint)) {
            throw new InvalidInput("fingerprint", "must be 64 hexadecimal characters (a BLAKE3 digest)");
        }
        FingerprintAnswers.Served answer = answers.lookUp(fingerprint).orElseThrow(() -> new RuleViolation(
                Rule.FINGERPRINT_NOT_FOUND, "fingerprint", "no gov ever published fingerprint " + fingerprint));
        PublicBytes.send(request, response, MediaType.APPLICATION_JSON, PublicCaching.BRIEFLY, answer.etag(), null,
                answer.body());
    }
}
