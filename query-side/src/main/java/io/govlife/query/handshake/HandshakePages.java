package io.govlife.query.handshake;

import io.govlife.query.composition.CompositionRepository;
import io.govlife.query.composition.GovView;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each gov's handshake page, rendered once per state of its composition and then served as bytes. The page
 * changes only when an event changes the gov's composition, while integrators poll it: rendering it per request cost
 * most of its time (BENCHMARKS.md). A node serves the version the shared read model holds, whichever node wrote it.
 */
@Component
class HandshakePages {

    /** Enough for every gov of a large deployment; beyond it the cache starts over rather than grow. */
    private static final int MAX_GOVS = 10_000;

    private final CompositionRepository govs;
    private final ITemplateEngine templates;
    private final Map<String, Page> rendered = new ConcurrentHashMap<>();

    HandshakePages(CompositionRepository govs, ITemplateEngine templates) {
        this.govs = govs;
        this.templates = templates;
    }

    /** The page as rendered; its entity tag is a hash of its bytes, so a template change after a deploy shows. */
    record Page(CompositionRepository.Stamp stamp, byte[] html, String etag) {
    }

    /** Empty when no gov of that name is known to the composition. */
    Optional<Page> current(String gov) {
        Optional<CompositionRepository.Stamp> stamp = govs.stamp(gov);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Page page = rendered.get(gov);
        if (page != null && page.stamp().equals(stamp.get())) {
            return Optional.of(page);
        }
        return govs.stampedView(gov).map(stamped -> {
            Page fresh = render(stamped.view(), stamped.stamp());
            if (rendered.size() >= MAX_GOVS) {
                rendered.clear();
            }
            rendered.put(gov, fresh);
            return fresh;
        });
    }

    byte[] notFound(String gov) {
        return templates.process("gov-not-found", new Context(Locale.ROOT, Map.of("gov", gov)))
                .getBytes(StandardCharsets.UTF_8);
    }

    private Page render(GovView view, CompositionRepository.Stamp stamp) {
        byte[] html = templates.process("handshake", new Context(Locale.ROOT, Map.of("gov", view)))
                .getBytes(StandardCharsets.UTF_8);
        return new Page(stamp, html, "\"" + DigestUtils.sha256Hex(html).substring(0, 32) + "\"");
    }
}
