package io.govlife.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers 429 with {@code Retry-After} once a client has used up a bucket of {@link RateLimits}. Part of the
 * security filter chain, not a servlet filter of its own, so that it runs where the chain places it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Function<HttpServletRequest, OptionalLong> wait;
    private final String field;
    private final String rule;
    private final SecurityProblems problems;

    private RateLimitFilter(String name, Function<HttpServletRequest, OptionalLong> wait, String field, String rule,
                            SecurityProblems problems) {
        // one class, two filters: the name keeps OncePerRequestFilter from taking one for the other as already run
        setBeanName(name);
        this.wait = wait;
        this.field = field;
        this.rule = rule;
        this.problems = problems;
    }

    /**
     * A client that has had too many credentials refused gets 429 for any request carrying one, before the token is
     * even looked up: guessing tokens becomes a few tries a minute. Requests without a credential (public reads) are
     * not its business.
     */
    static RateLimitFilter refusedCredentials(RateLimits limits, SecurityProblems problems) {
        return new RateLimitFilter("refusedCredentialsLimit", request -> request.getHeader("Authorization") == null
                ? OptionalLong.empty() : limits.failuresExhausted(RateLimits.client(request)), "Authorization",
                "too many refused credentials from this address; try again after Retry-After seconds", problems);
    }

    /**
     * Each operator's writes draw on a bucket of their own: one runaway script (or a stolen token) cannot flood the
     * log or starve other operators. Placed after authorisation, so only writes that would be executed count.
     */
    static RateLimitFilter operatorWrites(RateLimits limits, SecurityProblems problems) {
        return new RateLimitFilter("operatorWritesLimit", request ->
                READS.contains(request.getMethod()) || request.getUserPrincipal() == null ? OptionalLong.empty()
                        : limits.write(request.getUserPrincipal().getName()), "operator",
                "this operator's writes are over the rate limit; try again after Retry-After seconds", problems);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong seconds = wait.apply(request);
        if (seconds.isPresent()) {
            problems.tooManyRequests(request, response, seconds.getAsLong(), field, rule);
            return;
        }
        chain.doFilter(request, response);
    }
}
