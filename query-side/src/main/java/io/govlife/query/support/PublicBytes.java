package io.govlife.query.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;

import java.io.IOException;
import java.time.Instant;

/**
 * Sends a public answer rendered before the request (at publication, or when this node last read it): its bytes as
 * they are, or 304 to a client holding its entity tag, decided by Spring's own conditional-request check. Returned
 * as a {@code ResponseEntity}, the same bytes went through return-value handler selection, content negotiation and
 * a message converter, about a tenth of the node's CPU on the reads integrators poll (bench/read-path.md), for an
 * answer whose media type is fixed.
 */
public final class PublicBytes {

    private PublicBytes() {
    }

    /**
     * {@code lastModified} may be null; the caller sets any further header before. A handler that takes the response
     * as an argument has answered by itself, so Spring MVC consults no return-value handler after it.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, MediaType type,
                            CacheControl caching, String etag, Instant lastModified, byte[] body) throws IOException {
        boolean answered = new ServletWebRequest(request, response)
                .checkNotModified(etag, lastModified == null ? -1 : lastModified.toEpochMilli());
        // the answer or 304, never a failed precondition (412): a CDN would keep that for as long
        if (!answered || response.getStatus() == HttpStatus.NOT_MODIFIED.value()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, caching.getHeaderValue());
        }
        if (answered) {
            return;
        }
        write(response, HttpStatus.OK, type, body);
    }

    /** An answer no cache should keep (a page for a gov that does not exist, yet). */
    public static void write(HttpServletResponse response, HttpStatus status, MediaType type, byte[] body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(type.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
