package io.govlife.query.handshake;

import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import io.govlife.query.support.QueryProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page an integrator links to: what the gov names now, what is about to change, where to read more. */
@Controller
class HandshakeController {

    private final CompositionRepository govs;

    HandshakeController(CompositionRepository govs) {
        this.govs = govs;
    }

    @GetMapping("/govs/{gov}")
    String page(@PathVariable String gov, Model model) {
        GovView view = govs.view(gov).orElseThrow(() -> QueryProblems.noSuchGov(gov));
        model.addAttribute("gov", view);
        return "handshake";
    }
}
