package io.govlife.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling: every {@code /api} request needs {@code Authorization: Bearer <token>} except what integrators
 * read in public (a gov's config, changelog and feed, and acknowledging a notice, whose unguessable id is the
 * capability); the handshake pages are public too. {@code /api/admin} needs an admin token, and admin tokens manage
 * tokens, not govs: they may read, never write a gov. Which gov an operator may change is the gov's own rule.
 * Of the actuator, health is public (platform probes); the rest needs an admin token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Pattern PUBLIC_READ = Pattern.compile("^/api/govs/[^/]+/(config|changelog|feed)$");
    private static final Pattern ACK = Pattern.compile("^/api/govs/[^/]+/notices/[^/]+/acks$");

    private final OperatorTokens tokens;
    private final ObjectMapper json;

    BearerTokenFilter(OperatorTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        boolean actuator = path.startsWith("/actuator") && !path.startsWith("/actuator/health");
        return !path.startsWith("/api/") && !actuator || (read && PUBLIC_READ.matcher(path).matches())
                || (request.getMethod().equals("POST") && ACK.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<OperatorTokens.Principal> principal = bearer(request).flatMap(tokens::authenticate);
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"govlife\"");
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid, unrevoked operator token is "
                    + "required: Authorization: Bearer <token>");
            return;
        }
        boolean admin = principal.get().admin();
        boolean adminPath = request.getRequestURI().startsWith("/api/admin/")
                || request.getRequestURI().startsWith("/actuator");
        if (adminPath && !admin) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "this needs an admin token");
            return;
        }
        if (!adminPath && admin && !request.getMethod().equals("GET")) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden",
                    "admin tokens manage tokens, not govs: use an operator token to change a gov");
            return;
        }
        chain.doFilter(new AuthenticatedRequest(request, principal.get()), response);
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                Problems.problem(status, type, status.getReasonPhrase(), "Authorization", message));
    }

    /** The request as the rest of the application sees it: {@code getUserPrincipal()} is the operator. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final OperatorTokens.Principal principal;

        AuthenticatedRequest(HttpServletRequest request, OperatorTokens.Principal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.operator();
        }

        @Override
        public boolean isUserInRole(String role) {
            return "ADMIN".equals(role) && principal.admin();
        }
    }
}
