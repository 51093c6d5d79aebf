package io.govlife.app.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Who may call what. Rules are matched by Spring's path patterns on the decoded, normalised path — the path Spring
 * MVC routes — after the default {@code StrictHttpFirewall} has refused encoded slashes, dots, percent signs,
 * semicolons and non-normalised paths. Anything not named here is refused, so a spelling no rule expects (upper
 * case, an unknown prefix) meets the strictest answer, not the most lenient.
 * <p>
 * Integrators read in public what they compile in (config, changelog, feed, handshake page) and acknowledge
 * notices with the secret they were given. Operators' tokens write their govs — which gov, the gov's own rule.
 * A citizen operator's token announces the bumps of the citizens it was named for and reads their notices.
 * Admin tokens manage tokens and processors and read everything, but write no gov: an admin acting as an operator
 * would leave an audit trail naming nobody who owns the gov.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    static final String OPERATOR = "OPERATOR";
    /** Announces the bumps of the citizens a gov's owner named it for, and reads their notices: nothing else. */
    static final String CITIZEN_OPERATOR = "CITIZEN_OPERATOR";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, TokenIntrospector tokens, SecurityProblems problems,
                                    RateLimits limits) throws Exception {
        http
                // bearer tokens only, never cookies or sessions: a forged cross-site request carries no credential
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(server -> server
                        .opaqueToken(opaque -> opaque.introspector(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(RateLimitFilter.refusedCredentials(limits, problems),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(RateLimitFilter.operatorWrites(limits, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // an async (server-sent events) or error dispatch belongs to a request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // no browser calls us cross-origin, so no pre-flight: OPTIONS would only tell a caller
                        // without the right token which methods a gov's resources take
                        .requestMatchers(PATHS.matcher(HttpMethod.OPTIONS, "/**")).denyAll()
                        // what integrators compile in and why it changed: a gov's published revisions are public
                        .requestMatchers(reads("/api/govs/*/config", "/api/govs/*/changelog", "/api/govs/*/feed",
                                "/api/govs/*/revisions", "/api/govs/*/revisions/*/diff/*")).permitAll()
                        // which gov a fingerprint an integrator holds belongs to, and what changed since
                        .requestMatchers(reads("/api/fingerprints/*", "/fingerprints")).permitAll()
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/govs/*/notices/*/acks")).permitAll()
                        // the public half of the key that signs notices to citizens' operators, who share no secret
                        .requestMatchers(reads("/api/notices/signing-key")).permitAll()
                        // the public half of the key that signs audit exports: an auditor verifies without a token
                        .requestMatchers(reads("/api/audit/key")).permitAll()
                        .requestMatchers(reads("/govs/*", "/console", "/console/**", "/webjars/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/favicon.ico")).permitAll()
                        .requestMatchers(reads("/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness")).permitAll()
                        .requestMatchers(PATHS.matcher("/actuator/**")).hasRole(ADMIN)
                        .requestMatchers(PATHS.matcher("/api/admin/**")).hasRole(ADMIN)
                        // which citizen of which gov: the gov's own rule, as for operators
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/govs/*/citizens/*/bumps"),
                                PATHS.matcher(HttpMethod.DELETE, "/api/govs/*/citizens/*/bumps/current"))
                        .hasAnyRole(OPERATOR, CITIZEN_OPERATOR)
                        .requestMatchers(reads("/api/govs/*/notices")).hasAnyRole(OPERATOR, ADMIN, CITIZEN_OPERATOR)
                        // the citizens a token was named operator of: an admin token operates none
                        .requestMatchers(reads("/api/me/citizens")).hasAnyRole(OPERATOR, CITIZEN_OPERATOR)
                        .requestMatchers(reads("/api/**")).hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(PATHS.matcher("/api/**")).hasRole(OPERATOR)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * No observation of the filter chain, its authentications and authorisations: a span per security step on every
     * request is noise in a write's trace, and even switched off by a predicate, wrapping each filter to ask cost
     * 3 % of a public read's CPU (BENCHMARKS.md). The request's own observation stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by Spring Security for what its firewall refuses: a problem document, not a bare 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(SecurityProblems problems) {
        return problems;
    }

    /** GET and HEAD of the patterns: HEAD is a read, and must not fall through to the write rules. */
    private static RequestMatcher reads(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .flatMap(pattern -> Stream.of(PATHS.matcher(HttpMethod.GET, pattern),
                        PATHS.matcher(HttpMethod.HEAD, pattern)))
                .map(RequestMatcher.class::cast)
                .toList());
    }
}
