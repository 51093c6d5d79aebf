package io.govlife.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Spring Security's refusals as govlife answers every error: problem documents naming the field at fault. The
 * {@code WWW-Authenticate} challenge is the resource server's own (RFC 6750), so clients see why a token failed.
 */
@Component
record SecurityProblems(ObjectMapper json, RateLimits limits)
        implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final BearerTokenAuthenticationEntryPoint CHALLENGE = new BearerTokenAuthenticationEntryPoint();

    static {
        CHALLENGE.setRealmName("govlife");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (request.getHeader("Authorization") != null) {
            // a credential was presented and refused: a guess, as far as we can tell
            limits.failedAuthentication(RateLimits.client(request));
        }
        CHALLENGE.commence(request, response, failure);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authorization",
                "a valid, unrevoked, unexpired operator token is required: Authorization: Bearer <token>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = request.getServletPath();
        String why;
        if (path.startsWith("/api/admin/") || path.startsWith("/actuator/")) {
            why = "this needs an admin token";
        } else if (request.isUserInRole(SecurityConfiguration.CITIZEN_OPERATOR)) {
            why = "a citizen operator's token announces and cancels the bumps of the citizens it operates and reads "
                    + "their notices, nothing else";
        } else if (request.isUserInRole(SecurityConfiguration.ADMIN) && path.startsWith("/api/")) {
            why = "admin tokens manage tokens, not govs: use an operator token to change a gov";
        } else {
            why = "no token may do this: the method or path is not one the API offers";
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Authorization", why);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "request-rejected", "path",
                "the request path must be normalised and plainly spelled: no encoded '/', '.', '%' or ';', "
                        + "no '//', '/./' or '/../'");
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                         String field, String message)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", field, message);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String field, String message) throws IOException {
        Problems.write(request, response, json, Problems.problem(status, type, status.getReasonPhrase(), field, message));
    }
}
