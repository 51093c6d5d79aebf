package io.govlife.query.handshake;

import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.QueryProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Optional;

/**
 * The page an integrator links to: what the gov names now, what is about to change, where to read more. A browser
 * asking for an unknown gov gets a page saying so; a client asking for anything else keeps the problem document.
 */
@Controller
class HandshakeController {

    private final CompositionRepository govs;

    HandshakeController(CompositionRepository govs) {
        this.govs = govs;
    }

    @GetMapping(value = "/govs/{gov}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String gov, Model model, HttpServletResponse response) {
        Optional<GovView> view = govs.view(gov);
        if (view.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("name", gov);
            return "gov-not-found";
        }
        return render(view.get(), model, response);
    }

    @GetMapping("/govs/{gov}")
    String pageForAnyClient(@PathVariable String gov, Model model, HttpServletResponse response) {
        return render(govs.view(gov).orElseThrow(() -> QueryProblems.noSuchGov(gov)), model, response);
    }

    private static String render(GovView view, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PublicCaching.BRIEF.getHeaderValue());
        model.addAttribute("gov", view);
        return "handshake";
    }
}
