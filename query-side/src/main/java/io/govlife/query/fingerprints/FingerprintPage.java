package io.govlife.query.fingerprints;

import io.govlife.query.support.PublicCaching;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Optional;

/**
 * The lookup for a person with a browser: the handshake page's form submits here with a plain GET, so it works
 * without JavaScript. A browser gets HTML whatever the outcome; a client asking for JSON gets the API's answers.
 */
@Controller
class FingerprintPage {

    private final FingerprintLookups lookups;

    FingerprintPage(FingerprintLookups lookups) {
        this.lookups = lookups;
    }

    @GetMapping(value = "/fingerprints", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String fp, Model model, HttpServletResponse response) {
        model.addAttribute("fp", fp == null ? "" : fp);
        if (fp == null || fp.isBlank()) {
            return "fingerprint";
        }
        String fingerprint;
        try {
            fingerprint = FingerprintLookups.valid("fp", fp.strip());
        } catch (ErrorResponseException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "This is not a fingerprint: a fingerprint is 64 hexadecimal characters.");
            return "fingerprint";
        }
        Optional<FingerprintLookup> found = lookups.find(fingerprint);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", "No gov ever published " + fingerprint + ", as its root or a citizen's.");
            return "fingerprint";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, PublicCaching.BRIEF.getHeaderValue());
        model.addAttribute("lookup", found.get());
        return "fingerprint";
    }

    @GetMapping("/fingerprints")
    @ResponseBody
    ResponseEntity<FingerprintLookup> answer(@RequestParam String fp) {
        FingerprintLookup found = lookups.find(FingerprintLookups.valid("fp", fp))
                .orElseThrow(() -> FingerprintController.unknown("fp", fp));
        return ResponseEntity.ok().eTag(FingerprintLookups.etag(found)).cacheControl(PublicCaching.BRIEF).body(found);
    }
}
