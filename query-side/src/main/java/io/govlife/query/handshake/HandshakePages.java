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
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each gov's handshake page, rendered once per version of its composition and then served as bytes. The page
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
    record Page(long version, byte[] html, String etag) {
    }

    /** Empty when no gov of that name is known to the composition. */
    Optional<Page> current(String gov) {
        OptionalLong version = govs.version(gov);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Page page = rendered.get(gov);
        if (page != null && page.version() == version.getAsLong()) {
            return Optional.of(page);
        }
        return govs.view(gov).map(view -> {
            Page fresh = render(view);
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

    private Page render(GovView view) {
        byte[] html = templates.process("handshake", new Context(Locale.ROOT, Map.of("gov", view)))
                .getBytes(StandardCharsets.UTF_8);
        return new Page(view.version(), html, "\"" + DigestUtils.sha256Hex(html).substring(0, 32) + "\"");
    }
}
