package io.govlife.query.handshake;

import io.govlife.query.QuerySideProperties;
import io.govlife.query.composition.CompositionChanged;
import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import io.govlife.query.support.PublicAnswers;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each gov's handshake page, rendered once per state of its composition and then served as bytes. The page
 * changes only when an event changes the gov's composition, while integrators poll it: rendering it, then reading
 * the composition per request, cost most of its time (BENCHMARKS.md). A page stands until this node's projection
 * changes the gov's composition, and for at most {@code govlife.public-reads.recheck} for a change another node's
 * projection made ({@link PublicAnswers}).
 */
@Component
class HandshakePages {

    /** Enough for every gov of a large deployment; beyond it the cache starts over rather than grow. */
    private static final int MAX_GOVS = 10_000;

    private final CompositionRepository govs;
    private final ITemplateEngine templates;
    private final PublicAnswers<String, Page> rendered;

    HandshakePages(CompositionRepository govs, ITemplateEngine templates, QuerySideProperties properties) {
        this.govs = govs;
        this.templates = templates;
        this.rendered = new PublicAnswers<>(properties.publicReads().recheck(), MAX_GOVS);
    }

    /** The page as rendered; its entity tag is a hash of its bytes, so a template change after a deploy shows. */
    record Page(byte[] html, String etag) {
    }

    /** Empty when no gov of that name is known to the composition. */
    Optional<Page> current(String gov) {
        return rendered.get(gov, name -> govs.view(name).map(this::render));
    }

    @EventListener
    void on(CompositionChanged change) {
        if (change.everyGov()) {
            rendered.changedAll();
        } else {
            rendered.changed(change.gov());
        }
    }

    byte[] notFound(String gov) {
        return templates.process("gov-not-found", new Context(Locale.ROOT, Map.of("gov", gov)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private Page render(GovView view) {
        byte[] html = templates.process("handshake", new Context(Locale.ROOT, Map.of("gov", view)))
                .getBytes(StandardCharsets.UTF_8);
        return new Page(html, "\"" + DigestUtils.sha256Hex(html).substring(0, 32) + "\"");
    }
}
