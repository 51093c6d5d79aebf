package io.govlife.query.fingerprints;

import io.govlife.query.support.PublicCaching;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The lookup as a plain HTML page, for the form on every handshake page: it works without JavaScript. */
@Controller
record FingerprintPageController(FingerprintLookups lookups) {

    @GetMapping("/fingerprints")
    String page(@RequestParam(required = false) String fp, Model model, HttpServletResponse response) {
        model.addAttribute("fp", fp);
        if (fp == null || fp.isBlank()) {
            return "fingerprint";
        }
        String trimmed = fp.strip();
        if (!FingerprintLookups.wellFormed(trimmed)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "A fingerprint is 64 hexadecimal characters.");
            return "fingerprint";
        }
        lookups.lookUp(trimmed).ifPresentOrElse(answer -> model.addAttribute("lookup", answer), () -> {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "No gov ever published this fingerprint.");
        });
        response.setHeader("Cache-Control", PublicCaching.BRIEFLY.getHeaderValue());
        return "fingerprint";
    }
}
