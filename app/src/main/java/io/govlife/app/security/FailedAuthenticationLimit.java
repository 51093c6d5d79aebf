package io.govlife.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A client that has had too many credentials refused gets 429 for any request carrying one, before the token is
 * even looked up: guessing tokens becomes a few tries a minute. Requests without a credential (public reads) are
 * not its business. Part of the security filter chain, not a servlet filter of its own.
 */
class FailedAuthenticationLimit extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProblems problems;

    FailedAuthenticationLimit(RateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") != null) {
            OptionalLong wait = limits.failuresExhausted(RateLimits.client(request));
            if (wait.isPresent()) {
                problems.tooManyRequests(request, response, wait.getAsLong(), "Authorization",
                        "too many refused credentials from this address; try again after Retry-After seconds");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
