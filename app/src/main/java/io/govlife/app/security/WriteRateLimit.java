package io.govlife.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Each operator's writes draw on a bucket of their own: one runaway script (or a stolen token) cannot flood the
 * log or starve other operators. Runs after authorisation, so only writes that would be executed count. Part of
 * the security filter chain, not a servlet filter of its own.
 */
class WriteRateLimit extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimits limits;
    private final SecurityProblems problems;

    WriteRateLimit(RateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!READS.contains(request.getMethod()) && request.getUserPrincipal() != null) {
            OptionalLong wait = limits.write(request.getUserPrincipal().getName());
            if (wait.isPresent()) {
                problems.tooManyRequests(request, response, wait.getAsLong(), "operator",
                        "this operator's writes are over the rate limit; try again after Retry-After seconds");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
