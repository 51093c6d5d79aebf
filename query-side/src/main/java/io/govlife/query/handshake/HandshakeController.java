package io.govlife.query.handshake;

import io.govlife.events.gov.RuleViolation;
import io.govlife.query.support.PublicBytes;
import io.govlife.query.support.PublicCaching;
import io.govlife.query.support.PublicRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.util.Optional;

/** The page an integrator links to: what the gov names now, what is about to change, where to read more. */
@PublicRead
@Controller
record HandshakeController(HandshakePages pages) {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    /**
     * Changes only when the gov publishes, bumps or retires: a CDN may keep it briefly, and a client holding its
     * {@code ETag} is answered 304. An unknown gov is a page a browser can show; an API client (no {@code text/html}
     * in its {@code Accept}) gets the problem document.
     */
    @GetMapping("/govs/{gov}")
    void page(@PathVariable String gov, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<HandshakePages.Page> page = pages.current(gov);
        if (page.isEmpty()) {
            if (!wantsHtml(request)) {
                throw RuleViolation.govNotFound(gov);
            }
            PublicBytes.write(response, HttpStatus.NOT_FOUND, HTML, pages.notFound(gov));
            return;
        }
        PublicBytes.send(request, response, HTML, PublicCaching.BRIEFLY, page.get().etag(), null, page.get().html());
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
