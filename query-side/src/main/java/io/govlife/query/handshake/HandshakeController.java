package io.govlife.query.handshake;

import io.govlife.events.gov.RuleViolation;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import io.govlife.query.support.PublicCaching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Optional;

/** The page an integrator links to: what the gov names now, what is about to change, where to read more. */
@Controller
record HandshakeController(CompositionRepository govs) {

    /**
     * Changes only when the gov publishes, bumps or retires: a CDN may keep it briefly. An unknown gov is a page a
     * browser can show; an API client (no {@code text/html} in its {@code Accept}) gets the problem document.
     */
    @GetMapping("/govs/{gov}")
    String page(@PathVariable String gov, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<GovView> view = govs.view(gov);
        if (view.isEmpty()) {
            if (!wantsHtml(request)) {
                throw RuleViolation.govNotFound(gov);
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("gov", gov);
            return "gov-not-found";
        }
        model.addAttribute("gov", view.get());
        response.setHeader("Cache-Control", PublicCaching.BRIEFLY.getHeaderValue());
        return "handshake";
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
